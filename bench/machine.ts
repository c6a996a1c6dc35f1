import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { installedVersion } from './bundles/competitors.ts';
import type { Machine } from './results.ts';

/** The packages whose versions shape the figures; preact is listed once the project has it. */
const PACKAGES = ['vite', 'react', 'react-dom', 'preact', '@playwright/test', 'sharp'];

export function describeMachine(chromium: string): Machine {
  const packages: Record<string, string> = {};
  for (const name of PACKAGES) {
    const version = installedVersion(name, { projectOnly: true });
    if (version !== '?') packages[name] = version;
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    ramGB: totalmem() / 1e9,
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    packages,
    load: loadavg()[0] ?? NaN,
  };
}
