/**
 * A test-only hook for the crash-safety tests: with `ASSET_EMULATOR_PAUSE=before-commit` (or
 * `after-commit`) an upload stops for good at that point and says so on stderr, so the test can
 * kill the process exactly between writing the binary and committing its row (or just after).
 * Without the variable it costs nothing.
 */
export async function pauseAt(point: 'before-commit' | 'after-commit'): Promise<void> {
  if (process.env.ASSET_EMULATOR_PAUSE !== point) return;
  process.stderr.write(`emulator: paused ${point}\n`);
  await new Promise<never>(() => {});
}
