import { gzipSync } from 'node:zlib';

/**
 * Size budgets of the published bundles, in gzip bytes. The build reports each against its budget
 * and warns loudly when one is exceeded (with `STRICT_BUDGETS=1` it fails instead: vite.config.ts);
 * the bench reports them too (bench/selectorBench.ts): one source for both. Decimal kB, the
 * stricter reading of "100 KB".
 */
export const BUNDLE_BUDGETS = {
  /** The script-tag build, React included. */
  'asset-selector.iife.js': 100_000,
  /** The ESM build with its shared chunks, React excluded (a peer). */
  'asset-selector.js': 40_000,
} as const;

export function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
