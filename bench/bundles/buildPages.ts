import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { PAGES_BASE, PAGES_OUT, type BenchPage } from './benchPages.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

/**
 * Builds bench pages into dist/demo/bench/{id}/, every one with the same settings: vite 8 in
 * production mode, its default minifiers (Oxc for JS, Lightning CSS for CSS), the React plugin the
 * package uses, no source maps. `asset-selector` resolves to the package's ESM build in dist/, as a
 * host's bundler would resolve it from node_modules. The script-tag page is plain HTML around the
 * files `npm run build` wrote (the same vite, in the same run).
 */
export async function buildPages(pages: BenchPage[]): Promise<void> {
  for (const page of pages) {
    const outDir = join(PAGES_OUT, page.id);
    await rm(outDir, { recursive: true, force: true });
    if (!page.built) {
      await mkdir(outDir, { recursive: true });
      await copyFile(join(page.dir, 'index.html'), join(outDir, 'index.html'));
      continue;
    }
    await build({
      configFile: false,
      root: page.dir,
      base: `${PAGES_BASE}${page.id}/`,
      mode: 'production',
      logLevel: 'warn',
      publicDir: false,
      plugins: [react()],
      define: { 'process.env.NODE_ENV': '"production"' },
      resolve: { alias: { 'asset-selector': join(DIST, 'asset-selector.js') } },
      build: { outDir, emptyOutDir: true, minify: true, cssMinify: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
    });
  }
}
