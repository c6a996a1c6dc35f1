import type { TestProject } from 'vitest/node';
import { startTestEmulator } from '../emulator/emulatorFixture.ts';

/** What the UI tests get from the shared emulator: its URL and its assets' ids by file name. */
export interface SharedEmulator {
  url: string;
  ids: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedEmulator: SharedEmulator;
  }
}

/**
 * Vitest global setup: one emulator with the sample catalog for every UI test file that needs no
 * special one (uiSuite() without options). The files then neither load the emulator's code nor
 * compute its smart crops again. It only answers reads, so the files can share it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startTestEmulator();
  const ids = Object.fromEntries(emulator.emulator.context.catalog.assets.map((a) => [a.name, a.id]));
  project.provide('sharedEmulator', { url: emulator.url, ids });
  return () => emulator.close();
}
