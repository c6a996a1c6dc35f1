import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from './browser.ts';
import { benchBundles } from './bundles/bundleBench.ts';
import { renderChart, type ChartInput } from './chart.ts';
import { emulatorScheduling } from './benchTools.ts';
import { benchEmulator } from './emulatorBench.ts';
import { benchMedia } from './mediaBench.ts';
import { describeMachine } from './machine.ts';
import { renderReport } from './reportMarkdown.ts';
import { mergeRuntime, type Results, type SectionStamp } from './results.ts';
import { benchEditorRuntime } from './runtime/editorRuntime.ts';
import type { RuntimeFigure } from './runtime/figures.ts';
import { ourBuilds } from './runtime/ourBuilds.ts';
import { benchScroll } from './runtime/scrollRuntime.ts';
import { benchSelectorRuntime } from './runtime/selectorRuntime.ts';
import { summarize } from './stats.ts';

const HERE = import.meta.dirname;
const RESULTS = resolve(HERE, 'results.json');

/**
 * `npm run bench [-- section …]`: measures, then writes bench/results.json, bench/REPORT.md and
 * bench/report.svg. Sections not named keep their last figures from results.json. Budgets are
 * reported, never asserted.
 */
const SECTIONS: Record<string, (results: Results, stamp: () => SectionStamp) => Promise<void>> = {
  emulator: async (results, stamp) => {
    const rows = await benchEmulator();
    results.emulator = { ...stamp(), rows };
  },
  media: async (results, stamp) => {
    const rows = await benchMedia();
    results.media = { ...stamp(), rows };
  },
  bundles: async (results, stamp) => {
    const rows = await benchBundles();
    results.bundles = { ...stamp(), rows };
  },
  selector: runtime('selector', () => benchSelectorRuntime(runs(5))),
  scroll: runtime('scroll', () => benchScroll(runs(3))),
  editor: runtime('editor', () => benchEditorRuntime(runs(3))),
};

/** Runs per build: cheap figures 5, expensive ones 3; `BENCH_RUNS=1` for a quick look while working on the bench. */
function runs(standard: number): number {
  const override = Number(process.env.BENCH_RUNS);
  return Number.isInteger(override) && override > 0 ? override : standard;
}

function runtime(section: string, measure: () => Promise<RuntimeFigure[]>) {
  return async (results: Results, stamp: () => SectionStamp) => {
    const figures = await measure();
    // Every runtime section serves its Chromium from an emulator of its own, started `besideBrowser`.
    const { machine, ...when } = stamp();
    results.runtime = mergeRuntime(results.runtime, section, { ...when, machine: { ...machine, emulator: emulatorScheduling() } }, figures, ourBuilds());
  };
}

// `report` alone rewrites REPORT.md and report.svg from results.json without measuring.
const asked = process.argv.slice(2).map((a) => a.toLowerCase()).filter((a) => a !== 'report');
const reportOnly = asked.length === 0 && process.argv.slice(2).length > 0;
const unknown = asked.filter((a) => !Object.keys(SECTIONS).some((name) => name.includes(a)));
if (unknown.length > 0) {
  console.error(`bench: no section matches ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const chosen = reportOnly ? [] : Object.keys(SECTIONS).filter((name) => asked.length === 0 || asked.some((a) => name.includes(a)));

let chromium = '';
if (chosen.length > 0) {
  const browser = await launchChromium();
  chromium = browser.version();
  await browser.close();
}

const results: Results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : {};
if (reportOnly) await writeOutputs(results);
for (const name of chosen) {
  console.log(`bench: ${name}…`);
  const at = new Date().toISOString();
  const machine = describeMachine(chromium);
  const started = performance.now();
  await SECTIONS[name]!(results, () => ({ at, seconds: (performance.now() - started) / 1000, machine }));
  console.log(`bench: ${name} took ${Math.round((performance.now() - started) / 1000)} s`);
  // Written after every section, so a long run that stops keeps what it measured.
  await writeOutputs(results);
}
console.log(readFileSync(resolve(HERE, 'REPORT.md'), 'utf8'));

async function writeOutputs(all: Results): Promise<void> {
  await writeFile(RESULTS, `${JSON.stringify(all, null, 1)}\n`);
  await writeFile(resolve(HERE, 'REPORT.md'), renderReport(all));
  await writeFile(resolve(HERE, 'report.svg'), renderChart(chartInput(all)));
}

function chartInput(all: Results): ChartInput {
  const builds = all.runtime?.builds ?? [];
  const dates = [all.bundles?.at, all.emulator?.at, all.media?.at, ...Object.values(all.runtime?.sections ?? {}).map((s) => s.at)].filter((d): d is string => !!d).sort();
  const machine = all.bundles?.machine ?? Object.values(all.runtime?.sections ?? {})[0]?.machine;
  const day = (iso: string) => iso.slice(0, 10);
  const when = dates.length ? (day(dates[0]!) === day(dates.at(-1)!) ? day(dates[0]!) : `${day(dates[0]!)} to ${day(dates.at(-1)!)}`) : '';
  return {
    subtitle: [when, machine ? `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.chromium}` : ''].filter(Boolean).join(' · '),
    bundles: (all.bundles?.rows ?? []).map((row) => ({
      label: row.short,
      ours: row.kind === 'ours',
      floor: row.kind === 'floor',
      js: row.firstPaint.js.gzip,
      css: row.firstPaint.css.gzip,
      later: row.firstUse ? row.firstUse.js.gzip + row.firstUse.css.gzip : 0,
    })),
    buildLabels: builds.map((b) => b.label),
    runtime: (all.runtime?.figures ?? [])
      .filter((f) => f.budget)
      .map((f) => ({
        label: f.short,
        unit: f.unit,
        budget: f.budget!,
        builds: builds.map((b) => {
          const s = summarize(f.builds[b.id]?.samples ?? []);
          return { median: s.median, min: s.min, max: s.max };
        }),
      })),
  };
}
