import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { spawnEmulator } from '../benchTools.ts';
import { freshPage, launchChromium } from '../browser.ts';
import { openAdvancedQuery, openEditorOnKite } from '../selectorUi.ts';
import { formatKB, measureFile, tallyLoads, type LoadedFile, type Tally } from '../sizes.ts';
import { ourBuildLabel } from '../runtime/ourBuilds.ts';
import { BENCH_PAGES, pageFiles, pageUrl, type BenchPage, type PageKind } from './benchPages.ts';
import { buildPages } from './buildPages.ts';
import { ensureCompetitorsInstalled, installedVersion } from './competitors.ts';

export interface BundleRow {
  id: string;
  label: string;
  short: string;
  kind: PageKind;
  /** Package versions, e.g. "react-image-crop 11.1.2". */
  versions: string[];
  /** What the page loaded before it settled (load event, then no request for 500 ms). */
  firstPaint: { js: Tally; css: Tally; files: string[] };
  /** What using the editors loaded on top (our pages only). */
  firstUse?: { js: Tally; css: Tally; files: string[] };
  /** Built JS/CSS files the page never loaded in either step (lazy chunks nothing asked for). */
  unused: Array<{ file: string; raw: number; gzip: number }>;
  /** Hosts the page tried to reach beyond this machine (blocked, not measured). */
  external: string[];
  note?: string;
}

/**
 * Bundle weight side by side: every page of bench/bundles/benchPages.ts built with the same vite
 * settings in this run, opened in Chromium from the emulator, and the JS and CSS it loads counted
 * (raw and gzip -9 of the bytes received). Requests to other hosts are blocked and listed.
 */
export async function benchBundles(): Promise<BundleRow[]> {
  ensureCompetitorsInstalled();
  await buildPages(BENCH_PAGES);
  const emulator = await spawnEmulator([]);
  const browser = await launchChromium();
  const rows: BundleRow[] = [];
  try {
    for (const page of BENCH_PAGES) {
      const started = performance.now();
      const row = await weighPage(browser, emulator.url, page);
      rows.push(row);
      console.log(`bench: ${row.id}: ${formatKB(row.firstPaint.js.gzip + row.firstPaint.css.gzip)} gzip at first paint (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close();
    await emulator.stop();
  }
  return rows;
}

async function weighPage(browser: Browser, origin: string, benchPage: BenchPage): Promise<BundleRow> {
  const { context, page } = await freshPage(browser);
  const external = new Set<string>();
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      external.add(new URL(route.request().url()).host);
      return route.abort('internetdisconnected');
    },
  );
  let pending: Array<Promise<LoadedFile | undefined>> = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => measureFile(response.url(), response.headers()['content-type'] ?? '', body),
        () => undefined,
      ),
    );
  });
  let restless = false;
  const settle = async () => {
    // A page that keeps retrying a blocked host never goes idle: count what arrived in 20 s.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {
      restless = true;
    });
    const files = (await Promise.all(pending)).filter((f): f is LoadedFile => f !== undefined);
    pending = [];
    return { ...tallyLoads(files), files: files.filter((f) => f.kind !== 'other').map((f) => shortUrl(origin, f.url)) };
  };
  try {
    await page.goto(pageUrl(origin, benchPage), { waitUntil: 'load' });
    const firstPaint = await settle();
    let firstUse: BundleRow['firstUse'];
    if (benchPage.kind === 'ours') {
      await useEditors(page);
      firstUse = await settle();
    }
    const loaded = new Set([...firstPaint.files, ...(firstUse?.files ?? [])]);
    const unused = (await builtFiles(benchPage)).filter((f) => !loaded.has(f.file));
    return {
      id: benchPage.id,
      label: benchPage.id === 'ours-script-tag' ? ourBuildLabel('script-tag') : benchPage.label,
      short: benchPage.id === 'ours-script-tag' ? ourBuildLabel('script-tag') : benchPage.short,
      kind: benchPage.kind,
      versions: benchPage.packages.map((name) => `${name} ${installedVersion(name, { projectOnly: benchPage.kind !== 'peer' })}`),
      firstPaint,
      ...(firstUse ? { firstUse } : {}),
      unused,
      external: [...external].sort(),
      ...(benchPage.note || restless ? { note: [benchPage.note, restless ? 'its network never went quiet: counted what arrived in 20 s' : ''].filter(Boolean).join('; ') } : {}),
    };
  } finally {
    await context.close();
  }
}

/** First use of the parts loaded on demand: the image editor, then the advanced query editor. */
async function useEditors(page: Page): Promise<void> {
  await openEditorOnKite(page);
  await openAdvancedQuery(page);
}

/** The page's own JS/CSS (and message catalogs) on disk, each measured. */
async function builtFiles(benchPage: BenchPage): Promise<Array<{ file: string; raw: number; gzip: number }>> {
  const { dir, base, include } = pageFiles(benchPage);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Array<{ file: string; raw: number; gzip: number }> = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = relative(dir, path).split(sep).join('/');
    if (!include.test(rel)) continue;
    const measured = measureFile(path, '', await readFile(path));
    out.push({ file: `${base}${rel}`, raw: measured.raw, gzip: measured.gzip });
  }
  return out;
}

function shortUrl(origin: string, url: string): string {
  return url.startsWith(origin) ? url.slice(origin.length).split('?')[0]! : url;
}
