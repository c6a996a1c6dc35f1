import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';
import { spawnEmulator } from '../benchTools.ts';
import { freshPage } from '../browser.ts';
import { BENCH_PAGES, pageUrl } from '../bundles/benchPages.ts';
import { buildPages } from '../bundles/buildPages.ts';
import { selectorRoot } from '../selectorUi.ts';
import { FigureSet, type RuntimeFigure } from './figures.ts';
import { mountSelector, scrollGridToEnd } from './inPage.ts';
import { ourBuilds } from './ourBuilds.ts';

const SCROLL_SIZES = [10_000, 100_000] as const;
/**
 * Per run, to keep `npm run bench` within minutes: 10,000 results take a few seconds to tens of
 * seconds; 100,000 take 1,920 pages, tens of seconds at best (far longer while every page asks for
 * facets again). The note says how far a run got.
 */
const TIME_LIMIT_MS: Record<number, number> = { 10_000: 120_000, 100_000: 40_000 };

/**
 * Scrolling through 10,000 and 100,000 synthetic results on each of our builds, `runs` times each
 * (builds alternate). Thumbnails are off in these runs (Chromium's imagesEnabled=false; the DOM is
 * the same): on two shared cores the emulator would otherwise spend them rendering one distinct
 * thumbnail per asset, tens of thousands, which a CDN serves from its cache. What is left is the
 * selector's own work: paging through the cursor, windowing rows, rendering cards.
 */
export async function benchScroll(runs = 3): Promise<RuntimeFigure[]> {
  const builds = ourBuilds();
  await buildPages(BENCH_PAGES.filter((page) => builds.some((b) => b.pageId === page.id)));
  const set = new FigureSet('scroll');
  for (const size of SCROLL_SIZES) {
    const n = size.toLocaleString('en');
    const k = `${size / 1000}k`;
    set
      .define(`scroll-${k}-elements`, `scrolling ${n} results: live DOM elements, most`, `${n} results: live DOM elements`, 'elements', { limit: 500, kind: 'max' })
      .define(`scroll-${k}-task`, `scrolling ${n} results: longest task`, `${n} results: longest task`, 'ms', { limit: 50, kind: 'max' })
      .define(`scroll-${k}-dropped`, `scrolling ${n} results: dropped frames (of 60 Hz)`, `${n} results: dropped frames`, 'frames')
      .define(`scroll-${k}-rate`, `scrolling ${n} results: results loaded per second`, `${n} results: loaded per second`, 'results/s');
  }
  const executablePath = findChromium();
  const browser = await chromium.launch({
    headless: true,
    args: [...CHROMIUM_ARGS, '--blink-settings=imagesEnabled=false'],
    ...(executablePath ? { executablePath } : {}),
  });
  const longTasks: Record<string, number[]> = {};
  const reached: Record<string, string[]> = {};
  const gaps: Record<string, number[]> = {};
  try {
    for (const size of SCROLL_SIZES) {
      const k = `${size / 1000}k`;
      const emulator = await spawnEmulator(['--synthetic', String(size)], { besideBrowser: true });
      try {
        for (let run = 0; run < runs; run++) {
          for (const build of builds) {
            console.log(`bench: scroll ${size.toLocaleString('en')}, ${build.id}, run ${run + 1} of ${runs}`);
            const { context, page } = await freshPage(browser);
            try {
              await page.goto(pageUrl(emulator.url, { id: build.pageId }, '#manual'));
              await page.evaluate(mountSelector);
              await selectorRoot(page).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
              const result = await page.evaluate(scrollGridToEnd, { timeLimitMs: TIME_LIMIT_MS[size]! });
              set.add(`scroll-${k}-elements`, build.id, result.maxElements);
              set.add(`scroll-${k}-task`, build.id, result.longestTask);
              set.add(`scroll-${k}-dropped`, build.id, result.droppedFrames);
              set.add(`scroll-${k}-rate`, build.id, result.loaded / (result.ms / 1000));
              (reached[`${k}:${build.id}`] ??= []).push(
                result.reachedEnd
                  ? `the end, ${result.loaded.toLocaleString('en')} results, in ${(result.ms / 1000).toFixed(1)} s`
                  : `${result.loaded.toLocaleString('en')} results in the run's ${TIME_LIMIT_MS[size]! / 1000} s, not the end`,
              );
              set.note(`scroll-${k}-rate`, build.id, `reached ${reached[`${k}:${build.id}`]!.join('; ')}`);
              (gaps[`${k}:${build.id}`] ??= []).push(Math.round(result.longestFrameGap));
              set.note(`scroll-${k}-dropped`, build.id, `longest gap between frames per run: ${gaps[`${k}:${build.id}`]!.join(', ')} ms`);
              (longTasks[`${k}:${build.id}`] ??= []).push(result.longTasks);
              set.note(`scroll-${k}-task`, build.id, `tasks over 50 ms per run: ${longTasks[`${k}:${build.id}`]!.join(', ')}`);
            } finally {
              await context.close();
            }
          }
        }
      } finally {
        await emulator.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return set.figures;
}
