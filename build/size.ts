import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BUNDLE_BUDGETS, formatKB, gzipSize, type BundleBudget } from './bundleBudgets.ts';

export interface SizeRow {
  name: string;
  /** The files counted, relative to dist/: the budget's own first, then the chunks they import. */
  files: string[];
  /** How many of `files` the budget names (the rest are chunks). */
  named?: number;
  gzip: number;
  budget?: number;
  pass: boolean;
}

/** The relative modules a built ES module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

/** The relative modules a built ES module loads on demand (`import("./x.js")`; Oxc writes backticks). */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
}

/** `file` and, for a `.js` file, every chunk it imports statically, transitively; relative to `dist`. */
export function filesLoadedWith(dist: string, file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!path.endsWith('.js')) return;
    for (const specifier of staticImports(readFileSync(path, 'utf8'))) visit(resolve(dirname(path), specifier));
  };
  visit(resolve(dist, file));
  return [...seen].map((path) => relative(dist, path).split(sep).join('/'));
}

/** Each budget's files, their gzip size together, and whether it is within its budget. A missing file fails its row. */
export function measureBudgets(dist: string, budgets: readonly BundleBudget[] = BUNDLE_BUDGETS): SizeRow[] {
  return budgets.map(({ name, files, budget }) => {
    if (files.some((file) => !existsSync(resolve(dist, file)))) return { name, files: [...files], named: files.length, gzip: Number.NaN, budget, pass: false };
    const counted = [...new Set([...files, ...files.flatMap((file) => filesLoadedWith(dist, file))])];
    const gzip = counted.reduce((sum, file) => sum + gzipSize(readFileSync(resolve(dist, file))), 0);
    return { name, files: counted, named: files.length, gzip, budget, pass: budget === undefined || gzip <= budget };
  });
}

/**
 * What else the build writes, reported without a budget: the ESM build's stylesheet chunk and its
 * first screen with it, its parts loaded on first use (each with the chunks it adds to the static
 * part), the headless core, the message catalogs.
 */
function reportedRows(dist: string): SizeRow[] {
  const staticPart = new Set(filesLoadedWith(dist, 'asset-selector.js'));
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + gzipSize(readFileSync(resolve(dist, file))), 0);
  const row = (name: string, files: string[]): SizeRow => ({ name, files, gzip: gzipOf(files), pass: true });
  const listed = (dir: string) => (existsSync(join(dist, dir)) ? readdirSync(join(dist, dir)).sort() : []);
  // The static part's own lazy parts (adobe.js, built apart, has its own copies in chunks/ too).
  const parts = [...staticPart].flatMap((file) => dynamicImports(readFileSync(resolve(dist, file), 'utf8')).map((specifier) => relative(dist, resolve(dist, dirname(file), specifier)).split(sep).join('/')));
  const chunks = [...new Set(parts)];
  const stylesheet = chunks.filter((file) => /^chunks\/styles-[\w-]+\.js$/.test(file));
  return [
    // The stylesheet's chunk starts loading as the static part runs (src/ui/applyStylesheet.ts): the first screen needs both.
    ...stylesheet.map((file) => row('ESM: the stylesheet, a chunk loaded as the static part runs', [file])),
    ...stylesheet.map((file) => row('ESM: first screen (static part + stylesheet), React excluded', [...staticPart, file])),
    ...chunks.filter((file) => !file.startsWith('i18n/') && !/\/messages\./.test(file) && !stylesheet.includes(file)).sort().map((file) => row(`ESM: on first use (${file.replace(/^chunks\//, '').replace(/-.*/, '')})`, filesLoadedWith(dist, file).filter((f) => !staticPart.has(f)))),
    row('headless core (asset-selector/core)', filesLoadedWith(dist, 'core.js')),
    ...(existsSync(join(dist, 'asset-selector.hls.js')) ? [row('hls.js, beside the script: on Play, where the browser has no HLS', ['asset-selector.hls.js'])] : []),
    ...listed('i18n').map((file) => row('message catalog, on first use', [`i18n/${file}`])),
  ];
}

/** `a.js + b.js`, then `+ 3 chunks` for the chunks they import. */
function fileCell({ files, named = 1 }: SizeRow): string {
  const chunks = files.length - named;
  return [...files.slice(0, named), ...(chunks > 0 ? [`${chunks} chunk${chunks > 1 ? 's' : ''}`] : [])].join(' + ');
}

export function formatTable(rows: readonly SizeRow[]): string {
  const header = ['file', 'what', 'gzip', 'budget', ''];
  const lines = [header, ...rows.map((row) => [
    fileCell(row),
    row.name,
    Number.isNaN(row.gzip) ? 'missing' : formatKB(row.gzip),
    row.budget === undefined ? '' : `≤ ${formatKB(row.budget)}`,
    row.budget === undefined ? '' : row.pass ? 'pass' : 'FAIL',
  ])];
  const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  const numeric = [false, false, true, true, false];
  return lines.map((line) => line.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dist = resolve(import.meta.dirname, '../dist');
  const checked = measureBudgets(dist);
  const reported = existsSync(resolve(dist, 'asset-selector.js')) ? reportedRows(dist) : [];
  console.log(formatTable([...checked, ...reported]));
  const failed = checked.filter((row) => !row.pass);
  if (failed.length > 0) {
    console.error(`\nOver budget or missing (run \`npm run build\` first): ${failed.map((row) => row.name).join('; ')}. Budgets: build/bundleBudgets.ts.`);
    process.exit(1);
  }
}
