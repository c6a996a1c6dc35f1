import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { formatReport } from './benchTools.ts';
import { benchEmulator } from './emulatorBench.ts';
import { benchEditor } from './editorBench.ts';
import { benchMedia } from './mediaBench.ts';
import { benchSelector } from './selectorBench.ts';

/** `npm run bench`: every benchmark, printed and written to bench/report.md. Budgets are reported, never asserted. */
const sections: string[] = [
  `# Benchmark report`,
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  '',
];
// `npm run bench -- selector` runs only the sections whose name contains "selector".
const only = process.argv[2]?.toLowerCase();
const benches: Array<[string, () => ReturnType<typeof benchEmulator>]> = [
  ['DM OpenAPI emulator', benchEmulator],
  ['Selector in Chromium (built bundles, real emulator)', benchSelector],
  ['Image editor in Chromium (script-tag build, spawned repository)', benchEditor],
  ['Video and PDF in the emulator (ffmpeg, pdftoppm)', benchMedia],
];
for (const [title, bench] of benches) {
  if (!only || title.toLowerCase().includes(only)) sections.push(formatReport(title, await bench()), '');
}
const report = sections.join('\n');
console.log(report);
await writeFile(resolve(import.meta.dirname, 'report.md'), report);
