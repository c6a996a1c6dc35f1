import type { Budget } from './stats.ts';

/** One page's weight in gzip bytes: at first load (JS, CSS) and what its first use adds. */
interface ChartBundle {
  label: string;
  ours: boolean;
  floor: boolean;
  js: number;
  css: number;
  later: number;
}

/** One budgeted runtime figure: each build's median and range. */
interface ChartRuntime {
  label: string;
  unit: string;
  budget: Budget;
  builds: Array<{ median: number; min: number; max: number }>;
}

export interface ChartInput {
  subtitle: string;
  bundles: ChartBundle[];
  buildLabels: string[];
  runtime: ChartRuntime[];
}

const WIDTH = 960;
const LABEL_RIGHT = 330;
const PLOT_LEFT = 340;
const PLOT_WIDTH = 480;
const ROW = 22;
const BAR = 14;
const BUILD_COLORS = ['#2563eb', '#9333ea', '#0d9488', '#d97706'];
const INK = '#1f2937';
const MUTED = '#6b7280';
const OVER = '#b91c1c';
const PASS = '#15803d';
/** Runtime bars are drawn up to twice their budget. */
const RUNTIME_AXIS = 2;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The smallest "round" step (1, 2, 2.5 or 5 × 10^k) that splits `max` into at most `parts` parts, and the axis end it gives. */
export function niceAxis(max: number, parts = 5): { step: number; end: number } {
  if (!(max > 0)) return { step: 1, end: parts };
  const raw = max / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return { step, end: Math.ceil(max / step - 1e-9) * step };
}

/**
 * The axis end for the bundle bars: the largest total that is not an outlier (over four times the
 * median), so one multi-megabyte page does not flatten the rest; longer bars are cut and say so.
 */
export function bundleAxis(totals: number[]): { step: number; end: number } {
  const sorted = [...totals].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const inScale = sorted.filter((t) => t <= 4 * median);
  return niceAxis((inScale.at(-1) ?? median) * 1.05, 6);
}

const kB = (bytes: number) => `${(bytes / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
const num = (v: number) => v.toLocaleString('en', { maximumFractionDigits: v >= 100 ? 0 : v >= 1 ? 1 : 2 });

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h}" ${attrs}/>`;
}

/** Two slanted strokes across a bar's end: the bar goes on beyond the axis. */
function cutMark(x: number, y: number): string {
  return `<path d="M${x - 6} ${y + BAR + 2} L${x - 2} ${y - 2} M${x - 1} ${y + BAR + 2} L${x + 3} ${y - 2}" stroke="#fff" stroke-width="2.5"/>`;
}

function axis(top: number, bottom: number, ticks: Array<{ at: number; label: string }>): string[] {
  return ticks.flatMap(({ at, label }) => [
    `<line x1="${at.toFixed(1)}" y1="${top}" x2="${at.toFixed(1)}" y2="${bottom}" stroke="#e5e7eb"/>`,
    text(at, bottom + 14, label, `text-anchor="middle" fill="${MUTED}"`),
  ]);
}

function bundlePanel(input: ChartInput, top: number): { svg: string[]; height: number } {
  const rows = input.bundles;
  const totals = rows.map((r) => r.js + r.css + r.later);
  const { step, end } = bundleAxis(totals);
  const x = (bytes: number) => PLOT_LEFT + (Math.min(bytes, end) / end) * PLOT_WIDTH;
  const out: string[] = [text(16, top + 16, 'Bundle weight at first load (gzip), and what first use of the editors adds', `font-weight="600" fill="${INK}"`)];
  const legendY = top + 34;
  out.push(
    rect(PLOT_LEFT, legendY - 10, 12, 10, 'fill="#334155"'),
    text(PLOT_LEFT + 16, legendY, 'JS', `fill="${MUTED}"`),
    rect(PLOT_LEFT + 48, legendY - 10, 12, 10, 'fill="#94a3b8"'),
    text(PLOT_LEFT + 64, legendY, 'CSS', `fill="${MUTED}"`),
    rect(PLOT_LEFT + 104, legendY - 10, 12, 10, 'fill="none" stroke="#334155" stroke-dasharray="3 2"'),
    text(PLOT_LEFT + 120, legendY, 'on first use', `fill="${MUTED}"`),
    text(PLOT_LEFT + 210, legendY, 'ours in colour', `fill="${BUILD_COLORS[0]}"`),
  );
  const first = top + 48;
  const bottom = first + rows.length * ROW;
  const ticks = [];
  for (let v = 0; v <= end + 1e-9; v += step) ticks.push({ at: x(v), label: `${num(v / 1000)} kB` });
  out.push(...axis(first - 4, bottom, ticks));
  let ourIndex = 0;
  rows.forEach((row, i) => {
    const y = first + i * ROW + (ROW - BAR) / 2;
    const jsFill = row.ours ? BUILD_COLORS[ourIndex % BUILD_COLORS.length]! : '#334155';
    const cssFill = row.ours ? `${jsFill}88` : '#94a3b8';
    if (row.ours) ourIndex++;
    out.push(text(LABEL_RIGHT, y + 11, row.label, `text-anchor="end" fill="${INK}"${row.ours ? ' font-weight="600"' : ''}`));
    out.push(rect(x(0), y, x(row.js) - x(0), BAR, `fill="${jsFill}"`));
    out.push(rect(x(row.js), y, x(row.js + row.css) - x(row.js), BAR, `fill="${cssFill}"`));
    if (row.later > 0) out.push(rect(x(row.js + row.css), y + 0.5, x(totals[i]!) - x(row.js + row.css), BAR - 1, `fill="none" stroke="${jsFill}" stroke-dasharray="3 2"`));
    const cut = totals[i]! > end;
    if (cut) out.push(cutMark(x(end) - 10, y));
    const label = `${kB(row.js + row.css)}${row.later > 0 ? ` + ${kB(row.later)}` : ''}${cut ? ' (bar cut)' : ''}`;
    out.push(text(Math.min(x(totals[i]!), PLOT_LEFT + PLOT_WIDTH) + 6, y + 11, label, `fill="${INK}"`));
  });
  const floor = rows.find((r) => r.floor);
  if (floor) {
    const at = x(floor.js + floor.css);
    out.push(`<line x1="${at.toFixed(1)}" y1="${first - 4}" x2="${at.toFixed(1)}" y2="${bottom}" stroke="${MUTED}" stroke-dasharray="4 3"/>`);
    out.push(text(at, bottom + 28, 'the React floor', `text-anchor="middle" fill="${MUTED}"`));
  }
  return { svg: out, height: bottom + 38 - top };
}

/** How far a value is through its budget: 1 is exactly at it, above 1 misses it. */
export function budgetRatio(value: number, budget: Budget): number {
  if (!Number.isFinite(value)) return NaN;
  if (budget.kind === 'max') return budget.limit === 0 ? (value > 0 ? Infinity : 0) : value / budget.limit;
  return value === 0 ? Infinity : budget.limit / value;
}

function runtimePanel(input: ChartInput, top: number): { svg: string[]; height: number } {
  const out: string[] = [text(16, top + 16, 'Runtime against budgets: median, range of the runs; the dashed line is the budget', `font-weight="600" fill="${INK}"`)];
  const legendY = top + 34;
  input.buildLabels.forEach((label, i) => {
    const lx = PLOT_LEFT + i * 240;
    out.push(rect(lx, legendY - 10, 12, 10, `fill="${BUILD_COLORS[i % BUILD_COLORS.length]}"`), text(lx + 16, legendY, label, `fill="${MUTED}"`));
  });
  const x = (ratio: number) => PLOT_LEFT + (Math.min(Math.max(ratio, 0), RUNTIME_AXIS) / RUNTIME_AXIS) * PLOT_WIDTH;
  const first = top + 48;
  const perFigure = Math.max(2, input.buildLabels.length) * ROW + 6;
  const bottom = first + input.runtime.length * perFigure;
  out.push(...axis(first - 4, bottom, [0, 0.5, 1, 1.5, 2].map((r) => ({ at: x(r), label: `${r * 100} %` }))));
  input.runtime.forEach((figure, f) => {
    const groupTop = first + f * perFigure;
    const limit = `${figure.budget.kind === 'max' ? '≤' : '≥'} ${num(figure.budget.limit)} ${figure.unit}`;
    out.push(text(LABEL_RIGHT, groupTop + 12, figure.label, `text-anchor="end" fill="${INK}"`));
    out.push(text(LABEL_RIGHT, groupTop + 12 + ROW - 4, `budget ${limit}`, `text-anchor="end" fill="${MUTED}"`));
    figure.builds.forEach((b, i) => {
      const y = groupTop + i * ROW + (ROW - BAR) / 2;
      const color = BUILD_COLORS[i % BUILD_COLORS.length]!;
      const ratio = budgetRatio(b.median, figure.budget);
      if (!Number.isFinite(ratio) && Number.isNaN(ratio)) {
        out.push(text(PLOT_LEFT + 4, y + 11, 'not measured', `fill="${MUTED}"`));
        return;
      }
      out.push(rect(x(0), y, x(ratio) - x(0), BAR, `fill="${color}" fill-opacity="0.85"`));
      const low = budgetRatio(figure.budget.kind === 'max' ? b.min : b.max, figure.budget);
      const high = budgetRatio(figure.budget.kind === 'max' ? b.max : b.min, figure.budget);
      out.push(`<line x1="${x(low).toFixed(1)}" y1="${y + BAR / 2}" x2="${x(high).toFixed(1)}" y2="${y + BAR / 2}" stroke="${INK}" stroke-width="1.5"/>`);
      if (ratio > RUNTIME_AXIS) out.push(cutMark(x(RUNTIME_AXIS) - 10, y));
      const pass = ratio <= 1;
      // The value goes right of the bar and of the range line, whichever ends later.
      out.push(text(Math.max(x(ratio), Number.isFinite(high) ? x(high) : 0) + 6, y + 11, `${num(b.median)} ${figure.unit} ${pass ? '✓' : '✗'}`, `fill="${pass ? PASS : OVER}"`));
    });
  });
  out.push(`<line x1="${x(1).toFixed(1)}" y1="${first - 4}" x2="${x(1).toFixed(1)}" y2="${bottom}" stroke="${OVER}" stroke-dasharray="5 3" stroke-width="1.5"/>`);
  return { svg: out, height: bottom + 24 - top };
}

/** bench/report.svg: the bundle weights side by side, then each budgeted runtime figure per build. */
export function renderChart(input: ChartInput): string {
  const body: string[] = [text(16, 26, 'Asset Selector: performance', `font-size="17" font-weight="700" fill="${INK}"`), text(16, 46, input.subtitle, `fill="${MUTED}"`)];
  let y = 60;
  if (input.bundles.length > 0) {
    const panel = bundlePanel(input, y);
    body.push(...panel.svg);
    y += panel.height + 16;
  }
  if (input.runtime.length > 0) {
    const panel = runtimePanel(input, y);
    body.push(...panel.svg);
    y += panel.height + 8;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(`Asset Selector performance: ${input.subtitle}`)}</title>`,
    rect(0, 0, WIDTH, y, 'fill="#ffffff"'),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
