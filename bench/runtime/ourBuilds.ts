import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { installedVersion } from '../bundles/competitors.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

export type OurBuildId = 'script-tag' | 'esm-react';

/** One of our builds as the runtime figures compare them: a bench page that exposes `benchMount`. */
export interface OurBuild {
  id: OurBuildId;
  label: string;
  /** The page in bench/bundles/benchPages.ts that hosts it. */
  pageId: string;
}

/**
 * Every build the runtime figures are measured on, side by side, in the order of the report's
 * columns. Each page exposes `window.benchMount(el, options) → { unmount() }`, so one harness
 * times them all: the script-tag page calls `AssetSelector.mount`, the React app renders
 * `<AssetSelector>` into a new root.
 */
export function ourBuilds(): OurBuild[] {
  return [
    { id: 'script-tag', label: ourBuildLabel('script-tag'), pageId: 'ours-script-tag' },
    { id: 'esm-react', label: ourBuildLabel('esm-react'), pageId: 'ours-esm-react' },
  ];
}

export function ourBuildLabel(id: OurBuildId): string {
  if (id === 'esm-react') return `ESM build in a React ${installedVersion('react').split('.').slice(0, 2).join('.')} app`;
  const framework = frameworkInside(resolve(DIST, 'asset-selector.iife.js'));
  return `script-tag build (${framework} inside)`;
}

/**
 * Which UI library a built script carries, from markers that survive minification: React's
 * production error URL, or Preact's public `options.diffed` hook.
 */
function frameworkInside(file: string): string {
  if (!existsSync(file)) return 'not built';
  const code = readFileSync(file, 'utf8');
  if (code.includes('react.dev/errors')) return 'React';
  if (/\bdiffed\b/.test(code)) return 'Preact';
  return 'no React';
}
