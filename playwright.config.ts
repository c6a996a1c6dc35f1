import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.ts';
import type { BuildOptions } from './e2e/selectorHelpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4311);
const executablePath = findChromium();

export default defineConfig<BuildOptions>({
  testDir: 'e2e',
  // Builds dist/ when it is missing or older than the sources (a no-op right after `npm run build`).
  globalSetup: './e2e/ensureBuilt.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
    trace: 'off',
  },
  /**
   * The suite runs on both builds: the script-tag build (Preact inside) and the ESM build in a React
   * app. Specs that drive the plain host page take it from `hostPage` (e2e/selectorHelpers.ts), so
   * they run unchanged on each; specs about one build only are ignored by the other project.
   */
  projects: [
    { name: 'script-tag', use: { hostPage: '/demo/vanilla/', build: 'script-tag' } },
    {
      name: 'react-esm',
      use: { hostPage: '/dist/demo/esm-host/', build: 'react-esm' },
      // The emulator's own pages, the script's files beside it, and hosts that load the script tag.
      testIgnore: ['emulator.smoke.spec.ts', 'scriptTagAssets.spec.ts', 'lazyEditors.spec.ts', 'customElement.spec.ts', 'angular.spec.ts'],
    },
  ],
  webServer: {
    // --faults: the specs arm emulator errors through POST /_emulator/faults (armFault in e2e/selectorHelpers.ts).
    // --no-prewarm: no background renders competing with the specs for the CPU.
    // Its own store, seeded afresh each run (--reset), so what a person uploaded with `npm start` never shows.
    command: `npx tsx demo/emulator/cli.ts --port ${PORT} --quiet --faults --data .data/e2e-${PORT} --reset --no-prewarm`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
