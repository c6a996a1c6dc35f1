import { gzipSync } from 'node:zlib';

/** One row of `npm run size`: what a page loads for one purpose, and what it may weigh. */
export interface BundleBudget {
  name: string;
  /**
   * Files under dist/. A `.js` file counts with the chunks it imports statically (what a
   * bundler-less browser loads with it, e.g. `asset-selector.js` and its shared chunks); React
   * and other bare specifiers are the host's and are not counted.
   */
  files: readonly string[];
  /** Gzip bytes; none: reported, not checked. */
  budget?: number;
}

/**
 * The size budgets of the published bundles, in gzip bytes (level 9, decimal kB). `npm run size`
 * (part of `npm test`) prints each against its budget and fails over one; the bench reports the
 * same figures. The budgets are issue 9's; when a change beats one by more than about 1 kB, lower it.
 *
 * The script-tag build is two files: `asset-selector.iife.js`, all a page loads before first use
 * of an editor, and `asset-selector.editors.js`, both editors, loaded when one first opens.
 */
export const BUNDLE_BUDGETS: readonly BundleBudget[] = [
  { name: 'script tag: before first use of the editor', files: ['asset-selector.iife.js'], budget: 45_000 },
  { name: 'script tag: everything, editors included', files: ['asset-selector.iife.js', 'asset-selector.editors.js'], budget: 55_000 },
  { name: 'ESM: static part, React excluded', files: ['asset-selector.js'], budget: 32_000 },
  { name: 'stylesheet, both editors included', files: ['asset-selector.css'], budget: 5_000 },
  // Loads the script-tag build beside itself: what it adds on top of it (issue 11).
  { name: 'adobe-compat.js: on top of the script tag', files: ['adobe-compat.js'], budget: 6_000 },
];

export function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
