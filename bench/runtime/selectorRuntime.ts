import type { Page } from '@playwright/test';
import { httpRequest, spawnEmulator } from '../benchTools.ts';
import { freshPage, launchChromium } from '../browser.ts';
import { BENCH_PAGES, pageUrl } from '../bundles/benchPages.ts';
import { buildPages } from '../bundles/buildPages.ts';
import { selectorRoot } from '../selectorUi.ts';
import { formatKB } from '../sizes.ts';
import { summarize } from '../stats.ts';
import { FigureSet, type RuntimeFigure } from './figures.ts';
import { armClickToCallback, armKeystroke, mountAndPaint, pendingResult, resultNames, unmountSelector, type PaintResult } from './inPage.ts';
import { ourBuilds, type OurBuild } from './ourBuilds.ts';

/** Warm mounts per cold start: the first after a cold start is the slowest (code not yet optimized), so a few more give a steadier median. */
const WARM_MOUNTS = 4;

/**
 * Pre-warmed cold starts per run and build: the budgeted row moves by tens of milliseconds from
 * one start to the next (a browser still starting beside it on two cores), so it has twice the
 * starts of the other cold rows for a steadier median.
 */
const PREWARMED_PER_RUN = 2;

/** Single letters that narrow the sample catalog's 24 results to 3–15 (checked against its search). */
const KEYS = [['k', 'h'], ['u', 'e'], ['v', 'y'], ['r', 'p'], ['d', 'g']] as const;

/**
 * The selector's interaction figures on each of our builds, over `runs` cold starts per build
 * (builds alternate, so a change in the machine's load touches both alike). A cold start is a
 * fresh emulator and a fresh browser; in the same page follow WARM_MOUNTS warm mounts, two clicks on an
 * asset and on Select, and two keystrokes. Then PREWARMED_PER_RUN more cold starts per build on an
 * emulator that has pre-warmed its thumbnails (the default of the CLI; a CDN's warm cache), for the
 * mount alone, and one opened 1.5 s after its page loaded.
 */
export async function benchSelectorRuntime(runs = 5): Promise<RuntimeFigure[]> {
  const builds = ourBuilds();
  await buildPages(BENCH_PAGES.filter((page) => builds.some((b) => b.pageId === page.id)));
  const set = new FigureSet('selector')
    // Reported, not budgeted: issue 9's cold-mount budget is the pre-warmed cold page's (why: reportMarkdown.ts, methodSection).
    .define('mount-cold', 'mount → first screen of thumbnails painted, cold (nothing pre-warmed)', 'cold mount → thumbnails painted', 'ms')
    .define('mount-prewarmed', 'mount → first screen of thumbnails painted, cold page, thumbnails pre-warmed', 'cold page, pre-warmed → thumbnails', 'ms', { limit: 400, kind: 'max' })
    .define('mount-settled', `mount → first screen of thumbnails painted, cold page opened ${SETTLE_MS / 1000} s after it loaded (as on a click), thumbnails pre-warmed`, 'cold page, settled, pre-warmed → thumbnails', 'ms')
    .define('mount-cold-results', 'mount → first results rendered (thumbnails still loading), cold', 'cold mount → results rendered', 'ms')
    .define('mount-warm', 'mount → first screen of thumbnails painted, warm', 'warm mount → thumbnails painted', 'ms', { limit: 50, kind: 'max' })
    .define('keystroke', 'keystroke → new results painted (250 ms debounce included)', 'keystroke → results painted', 'ms')
    .define('choose', 'click an asset → `onSelectionChange`', 'click an asset → onSelectionChange', 'ms')
    .define('select', 'click Select → `onSelect`', 'click Select → onSelect', 'ms')
    .define('thumb-bytes', 'first screen of thumbnails: bytes received ÷ bytes of the originals', 'first-screen thumbnails ÷ originals', '%', { limit: 3, kind: 'max' });
  const coldSteps: ColdSteps = {};
  for (let run = 0; run < runs; run++) {
    for (const build of builds) {
      console.log(`bench: selector, ${build.id}, cold start ${run + 1} of ${runs}`);
      await coldStart(build, run, set, coldSteps);
      for (let i = 0; i < PREWARMED_PER_RUN; i++) {
        console.log(`bench: selector, ${build.id}, cold start ${run + 1} of ${runs} over pre-warmed thumbnails (${i + 1} of ${PREWARMED_PER_RUN})`);
        await prewarmedStart(build, set, coldSteps);
      }
      console.log(`bench: selector, ${build.id}, cold start ${run + 1} of ${runs} over pre-warmed thumbnails, ${SETTLE_MS} ms after the page loaded`);
      await prewarmedStart(build, set, coldSteps, SETTLE_MS);
    }
  }
  return set.figures;
}

/** Per build (and `:prewarmed`), the steps of each cold start, for the note that says where the time went. */
type ColdSteps = Record<string, Record<'search' | 'results' | 'requested' | 'last' | 'count', number[]>>;

function noteSteps(set: FigureSet, figure: string, build: OurBuild, steps: ColdSteps[string], cold: PaintResult, why: string): void {
  steps.search.push(cold.searchSentMs);
  steps.results.push(cold.resultsMs);
  steps.requested.push(cold.thumbnailsRequestedMs);
  steps.last.push(cold.lastThumbnailMs);
  steps.count.push(cold.thumbnailRequests);
  const med = (values: number[]) => Math.round(summarize(values).median).toLocaleString('en');
  set.note(
    figure,
    build.id,
    `medians: search request sent at ${med(steps.search)} ms, results rendered at ${med(steps.results)} ms, ${med(steps.count)} thumbnails requested at ${med(steps.requested)} ms, the last received at ${med(steps.last)} ms (${why})`,
  );
}

/**
 * How long the settled cold page waits after its load event before mounting. The pre-warmed row
 * mounts as the load event fires, in a browser launched a moment before: the browser is still
 * starting, and the page runs what it deferred to its first idle time. A selector opened on a click
 * meets a page that has settled.
 */
const SETTLE_MS = 1500;

/**
 * A fresh browser against a fresh emulator that has pre-warmed its thumbnails: the mount alone, as
 * the page's load event fires, or `settleMs` later.
 */
async function prewarmedStart(build: OurBuild, set: FigureSet, coldSteps: ColdSteps, settleMs = 0): Promise<void> {
  const emulator = await spawnEmulator([], { prewarm: true, besideBrowser: true });
  const browser = await launchChromium();
  try {
    const { page } = await freshPage(browser);
    await page.goto(pageUrl(emulator.url, { id: build.pageId }, '#manual'));
    if (settleMs) await page.waitForTimeout(settleMs);
    const cold = await page.evaluate(mountAndPaint);
    const figure = settleMs ? 'mount-settled' : 'mount-prewarmed';
    set.add(figure, build.id, cold.ms);
    noteSteps(set, figure, build, (coldSteps[`${build.id}:${figure}`] ??= { search: [], results: [], requested: [], last: [], count: [] }), cold, 'each from the emulator\'s warm cache');
  } finally {
    await browser.close();
    await emulator.stop();
  }
}

async function coldStart(build: OurBuild, run: number, set: FigureSet, coldSteps: ColdSteps): Promise<void> {
  const emulator = await spawnEmulator([], { besideBrowser: true });
  const browser = await launchChromium();
  try {
    const { page } = await freshPage(browser);
    await page.goto(pageUrl(emulator.url, { id: build.pageId }, '#manual'));
    const cold = await page.evaluate(mountAndPaint);
    set.add('mount-cold', build.id, cold.ms);
    set.add('mount-cold-results', build.id, cold.resultsMs);
    noteSteps(set, 'mount-cold', build, (coldSteps[build.id] ??= { search: [], results: [], requested: [], last: [], count: [] }), cold, 'each a transform the fresh emulator renders for the first time');

    const received = cold.thumbnails.reduce((sum, t) => sum + t.bytes, 0);
    const originals = (await Promise.all(cold.thumbnails.map((t) => originalSize(emulator.url, t.url)))).reduce((a, b) => a + b, 0);
    set.add('thumb-bytes', build.id, (100 * received) / originals);
    const types = [...new Set(cold.thumbnails.map((t) => t.type.replace('image/', '')).filter(Boolean))].join(', ');
    set.note('thumb-bytes', build.id, `${cold.images} thumbnails${types ? ` (${types})` : ''}, ${formatKB(received)} of ${formatKB(originals)}`);

    for (let i = 0; i < WARM_MOUNTS; i++) {
      await page.evaluate(unmountSelector);
      set.add('mount-warm', build.id, (await page.evaluate(mountAndPaint)).ms);
    }

    const root = selectorRoot(page);
    const cells = root.getByRole('grid', { name: 'Assets' }).getByRole('gridcell');
    for (let i = 0; i < 2; i++) {
      await page.evaluate(armClickToCallback, 'onSelectionChange' as const);
      await cells.nth(2 + i).click();
      set.add('choose', build.id, (await page.evaluate(pendingResult)).ms);
      await page.evaluate(armClickToCallback, 'onSelect' as const);
      await root.getByRole('button', { name: /^Select( \d+)?$/ }).click();
      set.add('select', build.id, (await page.evaluate(pendingResult)).ms);
    }

    const box = root.getByRole('searchbox', { name: 'Search assets' });
    const everything = await page.evaluate(resultNames);
    for (const key of KEYS[run % KEYS.length]!) {
      await box.fill('');
      await waitForResults(page, everything);
      await page.evaluate(armKeystroke);
      await box.press(key);
      set.add('keystroke', build.id, (await page.evaluate(pendingResult)).ms);
    }
  } finally {
    await browser.close();
    await emulator.stop();
  }
}

/** Waits until the grid shows exactly `names` (as resultNames() reads them). */
async function waitForResults(page: Page, names: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const grid = (document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document).querySelector('[role="grid"]');
    const now = [...(grid?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.getAttribute('aria-label')).join('\n');
    return now === expected && !grid?.hasAttribute('aria-busy');
  }, names);
}

/** The original's size in bytes (`repo:size`), for the thumbnail at `url` (`/adobe/assets/{id}/as/…`). */
async function originalSize(origin: string, url: string): Promise<number> {
  const id = decodeURIComponent(new URL(url).pathname.split('/')[3] ?? '');
  const response = await httpRequest(`${origin}/adobe/assets/${encodeURIComponent(id)}/metadata`);
  if (response.status !== 200) throw new Error(`metadata of ${id}: HTTP ${response.status}`);
  const size = (JSON.parse(response.body.toString()) as { repositoryMetadata: { 'repo:size'?: number } }).repositoryMetadata['repo:size'];
  if (typeof size !== 'number') throw new Error(`metadata of ${id} has no repo:size`);
  return size;
}
