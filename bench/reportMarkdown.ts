import type { Measurement } from './benchTools.ts';
import type { BundleRow } from './bundles/bundleBench.ts';
import { RUNTIME_SECTIONS, type Machine, type Results, type SectionStamp } from './results.ts';
import type { RuntimeFigure } from './runtime/figures.ts';
import { formatKB } from './sizes.ts';
import { formatNumber, formatSummary, summarize, withinBudget, type Budget } from './stats.ts';

/** bench/REPORT.md from everything measured so far. Pure: the same results give the same text. */
export function renderReport(results: Results, chartFile = 'report.svg'): string {
  const out = [
    '# Performance report',
    '',
    '`npm run bench` writes this file, the chart below and the data behind both (`results.json`).',
    'Every runtime figure is the **median** of its runs, with the range (min–max) of the runs in',
    'brackets. Budgets are judged on the median and reported here, never asserted in tests.',
    '',
    `![Bundle weights side by side, and runtime figures against their budgets](${chartFile})`,
    '',
  ];
  out.push(...machineSection(results));
  if (results.bundles) out.push(...bundleSection(results.bundles.rows));
  if (results.runtime) out.push(...runtimeSection(results.runtime));
  if (results.emulator) out.push(...measurementSection('DM OpenAPI emulator', 'bench/emulatorBench.ts', results.emulator.rows));
  if (results.media) out.push(...measurementSection('Video and PDF in the emulator (ffmpeg, pdftoppm)', 'bench/mediaBench.ts', results.media.rows));
  out.push(...methodSection());
  return out.join('\n');
}

function stamps(results: Results): Array<[string, SectionStamp]> {
  const list: Array<[string, SectionStamp]> = [];
  if (results.bundles) list.push(['bundles', results.bundles]);
  const sections = results.runtime?.sections ?? {};
  const order = (name: string) => ((RUNTIME_SECTIONS as readonly string[]).indexOf(name) + 1 || RUNTIME_SECTIONS.length + 1);
  for (const name of Object.keys(sections).sort((a, b) => order(a) - order(b))) list.push([name, sections[name]!]);
  if (results.emulator) list.push(['emulator', results.emulator]);
  if (results.media) list.push(['media', results.media]);
  return list;
}

function machineSection(results: Results): string[] {
  const list = stamps(results);
  if (list.length === 0) return [];
  list.sort((a, b) => a[1].at.localeCompare(b[1].at));
  const newest = list.at(-1)![1].machine;
  const out = ['## Machine and versions', '', '| | |', '|---|---|'];
  out.push(`| CPU | ${newest.cpu}, ${newest.cores} cores, ${newest.ramGB.toFixed(1)} GB RAM (shared with other work: see the load average per section) |`);
  out.push(`| OS | ${newest.os} |`, `| Node | ${newest.node} |`, `| Chromium | ${newest.chromium}, headless, \`--disable-gpu\` |`);
  out.push(`| packages | ${Object.entries(newest.packages).map(([name, version]) => `${name} ${version}`).join(', ')} |`);
  const served = list.map(([, stamp]) => stamp.machine.emulator).filter((e): e is string => !!e);
  if (served.length) out.push(`| emulator beside Chromium (runtime sections) | ${[...new Set(served)].join('; ')} |`);
  out.push('', '| section | measured | took | load average (1 min) at start |', '|---|---|---:|---:|');
  for (const [name, stamp] of list) {
    const differs = machineKey(stamp.machine) !== machineKey(newest) ? ' (other machine or versions)' : '';
    out.push(`| ${name} | ${stamp.at.replace('T', ' ').slice(0, 16)} UTC${differs} | ${Math.round(stamp.seconds)} s | ${stamp.machine.load.toFixed(1)} |`);
  }
  out.push('');
  return out;
}

function machineKey(m: Machine): string {
  return JSON.stringify([m.cpu, m.cores, m.node, m.chromium, m.packages]);
}

function bundleSection(rows: BundleRow[]): string[] {
  const floor = rows.find((r) => r.kind === 'floor');
  const total = (r: BundleRow) => r.firstPaint.js.gzip + r.firstPaint.css.gzip;
  const out = [
    '## Bundle weight at first load, side by side',
    '',
    'Minimal pages that each open one thing, built in the same run with the same settings (vite 8,',
    'production, its default minifiers), loaded in Chromium from the emulator. Counted: the JS and',
    'CSS files the page received until it settled (load event, then 500 ms without a request);',
    'gzip is level 9 over the same bytes. Images and API responses are not counted.',
    '',
    '| page | JS raw | JS gzip | CSS raw | CSS gzip | **first load, gzip** | over the React floor | loads later or elsewhere |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const name = row.kind === 'ours' ? `**${row.label}**` : row.label;
    const over = floor && row.kind !== 'floor' ? `${total(row) >= total(floor) ? '+' : '−'}${formatKB(Math.abs(total(row) - total(floor)))}` : '';
    out.push(
      `| ${name} | ${formatKB(row.firstPaint.js.raw)} | ${formatKB(row.firstPaint.js.gzip)} | ${formatKB(row.firstPaint.css.raw)} | ${formatKB(row.firstPaint.css.gzip)} | **${formatKB(total(row))}** | ${over} | ${later(row)} |`,
    );
  }
  const versions = rows.flatMap((r) => r.versions);
  out.push('', `Versions: ${[...new Set(versions)].join(', ')}. The peers are dependencies of the bench only (\`bench/competitors/\`).`);
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}.`);
  if (notes.length) out.push('', ...notes);
  out.push('');
  return out;
}

/** A built file's name without the content hashes vite adds: `ImageEditor-DFoe5Eos-CawttB3L.js` → `ImageEditor.js`. */
export function fileName(path: string): string {
  // A hash has a capital, digit or underscore among its eight characters; a word such as "selector" has not.
  return path.split('/').pop()!.replace(/(-(?=[A-Za-z0-9_-]{0,7}[A-Z0-9_])[A-Za-z0-9_-]{8})+(?=\.(?:m?js|css|json)$)/, '');
}

function later(row: BundleRow): string {
  const parts: string[] = [];
  if (row.firstUse && row.firstUse.js.files + row.firstUse.css.files > 0) {
    const files = row.firstUse.files.map((f) => `\`${fileName(f)}\``).join(', ');
    parts.push(`on first use of the editors: +${formatKB(row.firstUse.js.gzip + row.firstUse.css.gzip)} (${files})`);
  }
  for (const file of row.unused) parts.push(`not loaded: \`${fileName(file.file)}\` ${formatKB(file.gzip)}${/\bde\b|\.de[.-]/.test(file.file) ? ' (German messages, when used)' : ''}`);
  if (row.external.length) parts.push(`blocked, not counted: ${row.external.map((h) => `\`${h}\``).join(', ')}`);
  return parts.join('; ') || '–';
}

function budgetText(budget: Budget | undefined, unit: string): string {
  if (!budget) return '';
  return `${budget.kind === 'max' ? '≤' : '≥'} ${budget.limit.toLocaleString('en')}${unit === '%' ? ' %' : ` ${unit}`}`;
}

/** A cell: "456 ms (420–510) ✓", or "✗" when the median misses the budget. */
function runtimeCell(figure: RuntimeFigure, buildId: string): string {
  const entry = figure.builds[buildId];
  if (!entry || entry.samples.length === 0) return 'not measured';
  const summary = summarize(entry.samples);
  const text = formatSummary(summary, figure.unit === '%' ? '%' : figure.unit);
  const runs = entry.samples.length === summary.n ? `n=${summary.n}` : `n=${summary.n} of ${entry.samples.length}`;
  if (!figure.budget) return `${text}, ${runs}`;
  return `${text}, ${runs} ${withinBudget(summary.median, figure.budget) ? '✓' : '**✗ over**'}`;
}

function runtimeSection(runtime: NonNullable<Results['runtime']>): string[] {
  const builds = runtime.builds;
  const out = [
    '## Runtime, build by build',
    '',
    'Production builds in Chromium against the emulator on loopback (a child process). Each build is',
    'a bench page that mounts the selector the way its hosts do: `AssetSelector.mount()` from the',
    'script tag, `<AssetSelector>` rendered by a React app from the ESM build. The emulator stands in',
    'for a server with CPUs of its own: the thread that answers its requests is scheduled ahead of',
    'Chromium (see the machine table), so that answers ready in milliseconds do not wait on the run',
    'queue behind a starting browser; its renders share the cores with Chromium at the normal priority.',
    '',
    `| figure | budget | ${builds.map((b) => b.label).join(' | ')} |`,
    `|---|---:|${builds.map(() => '---:').join('|')}|`,
  ];
  const footnotes: string[] = [];
  for (const figure of runtime.figures) {
    const cells = builds.map((b) => {
      const entry = figure.builds[b.id];
      const stale = entry?.label && entry.label !== b.label ? ` (measured on the ${entry.label})` : '';
      return runtimeCell(figure, b.id) + stale;
    });
    out.push(`| ${figure.label} | ${budgetText(figure.budget, figure.unit)} | ${cells.join(' | ')} |`);
    for (const b of builds) {
      const note = figure.builds[b.id]?.note;
      if (note) footnotes.push(`- ${figure.label}, ${b.label}: ${note}.`);
    }
  }
  if (footnotes.length) out.push('', ...footnotes);
  out.push('');
  return out;
}

function measurementSection(title: string, file: string, rows: Measurement[]): string[] {
  const out = [
    `## ${title}`,
    '',
    `Measured by \`${file}\` against the CLI in a child process over HTTP; each line is`,
    'already a median, percentile or rate over many requests.',
    '',
    '| measurement | result | budget | |',
    '|---|---:|---:|---|',
  ];
  for (const row of rows) {
    const budget = row.budget ? budgetText(row.budget, row.unit) : '';
    const ok = row.budget ? (withinBudget(row.value, row.budget) ? '✓' : '**✗ over**') : '';
    out.push(`| ${row.name}${row.note ? ` (${row.note})` : ''} | ${formatNumber(row.value)} ${row.unit} | ${budget} | ${ok} |`);
  }
  out.push('');
  return out;
}

function methodSection(): string[] {
  return [
    '## How each figure is measured',
    '',
    '- **mount → first screen of thumbnails painted**: from the mount call to the end of the first frame in',
    '  whose animation callbacks every thumbnail in the visible part of the grid has loaded (a task queued',
    '  there, once they have decoded: the frame that shows them, as for the keystroke). *Cold*: a fresh emulator (its own',
    '  empty cache folder, thumbnail pre-warming off: every thumbnail is a first render) and a fresh',
    '  browser per run; *cold page, thumbnails pre-warmed*: a fresh browser against a fresh emulator that',
    '  has pre-warmed the grid\'s thumbnails (the CLI\'s default, as a CDN\'s warm cache would hold them),',
    '  mounted as the page\'s load event fires; *cold page, settled*: the same, mounted 1.5 s after it (a',
    '  selector opened with a click meets a page that has done what it deferred to its first idle time);',
    '  *warm*: unmount and mount again in the same page (scripts parsed, HTTP cache and emulator warm).',
    '  Each run is a cold start of each build in turn. The ≤ 400 ms budget is the cold page\'s, over',
    '  pre-warmed thumbnails: issue 9\'s "cold mount, today 456–534 ms" matches a cold page over thumbnails',
    '  rendered before, not a fresh emulator\'s first renders (2.5–3.3 s in the bench\'s first runs). The',
    '  nothing-pre-warmed row adds those renders (a video poster with ffmpeg among them): reported, not budgeted.',
    '- **keystroke → new results painted**: from the keydown event to the frame after the grid shows the',
    '  narrowed results, a single letter typed into an empty search box; it includes the 250 ms debounce.',
    '- **click → callback**: from the click event to the selector calling `onSelectionChange` (an asset',
    '  cell) or `onSelect` (the Select button).',
    '- **first screen of thumbnails**: bytes received for the thumbnails of the first screen (Resource',
    '  Timing, encoded body) over the `repo:size` of their originals.',
    '- **scrolling**: the grid is scrolled to the end of what is loaded, again as soon as the next page has',
    '  extended it, until the repository has no further page (or the time limit). Live DOM elements are',
    '  counted after every page (shadow roots included), long tasks come from the `longtask` observer,',
    '  and a gap of *n* frame periods (60 Hz) between animation frames counts as *n − 1* dropped frames.',
    '  Thumbnails are off in these runs (`imagesEnabled=false`; the DOM is the same): the emulator would',
    '  otherwise spend the two cores rendering one distinct thumbnail per asset.',
    '- **editor**: Width set through its `input` event; the URL text is polled between tasks, the Preview',
    '  counts once an image of the new width has loaded and decoded (every width is a new transform); the',
    '  crop rectangle is dragged with mouse moves at 60 Hz for two seconds.',
    '',
  ];
}
