import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** What the end-to-end tests load from dist/, and the sources it is built from. */
const OUTPUTS = ['dist/asset-selector.iife.js', 'dist/asset-selector.editors.js', 'dist/asset-selector.repository.js', 'dist/asset-selector.js', 'dist/demo/react/index.html', 'dist/demo/esm-host/index.html', 'dist/demo/angular/index.html', 'dist/adobe-compat.js', 'dist/demo/adobe-compat/react/index.html'];
// demo/esm-host/'s page is built from demo/vanilla/'s markup.
const SOURCES = ['src', 'demo/react', 'demo/esm-host', 'demo/vanilla', 'demo/angular', 'demo/adobe-compat/react', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Playwright's global setup: `npm test` has just built, so this is usually a no-op; a bare
 * `npx playwright test` after editing the sources (or on a fresh clone) builds first, so that the
 * tests never run against a missing or stale bundle.
 */
export default function ensureBuilt(): void {
  const oldestOutput = Math.min(...OUTPUTS.map((file) => statSync(join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  const newestSource = Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path))));
  if (oldestOutput > newestSource) return;
  console.log(oldestOutput === 0 ? 'e2e: dist/ is missing; running npm run build' : 'e2e: dist/ is older than the sources; running npm run build');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}
