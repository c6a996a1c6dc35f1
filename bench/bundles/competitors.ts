import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const COMPETITORS_DIR = resolve(import.meta.dirname, '../competitors');
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The peers are the bench's own dependencies (bench/competitors/package.json and its lock),
 * never the package's: installed here on first use with `npm ci`.
 */
export function ensureCompetitorsInstalled(): void {
  if (existsSync(resolve(COMPETITORS_DIR, 'node_modules/.package-lock.json'))) return;
  console.log('bench: installing the pages\' peers (npm ci --prefix bench/competitors)…');
  const result = spawnSync('npm', ['ci', '--prefix', COMPETITORS_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci --prefix bench/competitors failed (${result.status ?? result.signal})`);
}

/** The installed version of a package: the peers' copy, else the project's (or only the project's). */
export function installedVersion(name: string, { projectOnly = false } = {}): string {
  for (const base of projectOnly ? [ROOT] : [COMPETITORS_DIR, ROOT]) {
    const file = resolve(base, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '?';
}
