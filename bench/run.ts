import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { formatReport } from './benchTools.ts';
import { benchEmulator } from './emulatorBench.ts';

/** `npm run bench`: every benchmark, printed and written to bench/report.md. Budgets are reported, never asserted. */
const sections: string[] = [
  `# Benchmark report`,
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  '',
];
sections.push(formatReport('DM OpenAPI emulator', await benchEmulator()), '');
const report = sections.join('\n');
console.log(report);
await writeFile(resolve(import.meta.dirname, 'report.md'), report);
