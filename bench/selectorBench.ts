import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BUNDLE_BUDGETS, gzipSize } from '../build/bundleBudgets.ts';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { spawnEmulator, type Measurement } from './benchTools.ts';

const DIST = resolve(import.meta.dirname, '../dist');
const VIEWPORT = { width: 1280, height: 800 };

/** A bare host page on the emulator's origin: the selector fills the window, nothing else competes. */
const BENCH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>selector bench</title>
<style>html,body{margin:0;height:100%}#host{height:100vh}</style>
<script src="/dist/asset-selector.iife.js"></script></head><body><div id="host"></div></body></html>`;

/**
 * The selector in Chromium against the real emulator CLI: bundle sizes, time from `mount()` to
 * the first screen of thumbnails painted (cold: fresh emulator and browser; warm: a second mount
 * in the same page), and over 10,000 synthetic assets the DOM size and the longest task while
 * the grid is scrolled to its end. Reported, never asserted.
 */
export async function benchSelector(): Promise<Measurement[]> {
  const iife = join(DIST, 'asset-selector.iife.js');
  if (!existsSync(iife)) throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does)');
  const out: Measurement[] = [
    { name: 'IIFE bundle, gzip (Preact included)', value: gzipSize(readFileSync(iife)) / 1000, unit: 'kB', budget: { limit: budgetOf('asset-selector.iife.js') / 1000, kind: 'max' } },
    { name: 'ESM bundle + its chunks, gzip (React excluded)', value: esmGzipSize('asset-selector.js') / 1000, unit: 'kB', budget: { limit: budgetOf('asset-selector.js') / 1000, kind: 'max' } },
    { name: 'core entry + its chunks, gzip', value: esmGzipSize('core.js') / 1000, unit: 'kB' },
  ];

  const executablePath = findChromium();
  const browser = await chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  try {
    const sample = await spawnEmulator([]);
    try {
      const page = await openBenchPage(browser, sample.url);
      const cold = await page.evaluate(firstThumbnailsPainted);
      await page.evaluate(() => (window as unknown as { benchHandle: { unmount(): void } }).benchHandle.unmount());
      const warm = await page.evaluate(firstThumbnailsPainted);
      out.push({ name: 'mount() → first thumbnails painted, cold', value: cold.ms, unit: 'ms', budget: { limit: 1000, kind: 'max' }, note: `fresh emulator and browser, ${cold.images} thumbnails` });
      out.push({ name: 'mount() → first thumbnails painted, warm', value: warm.ms, unit: 'ms', budget: { limit: 300, kind: 'max' }, note: 'second mount in the same page' });
      await page.close();
    } finally {
      await sample.stop();
    }

    const synthetic = await spawnEmulator(['--synthetic', '10000']);
    try {
      const page = await openBenchPage(browser, synthetic.url);
      await page.evaluate(firstThumbnailsPainted);
      const scroll = await page.evaluate(scrollGridToEnd);
      const note = `10,000 assets, ${scroll.loaded.toLocaleString('en')} loaded over ${scroll.steps} scroll steps in ${(scroll.ms / 1000).toFixed(1)} s${scroll.reachedEnd ? '' : ', end not reached'}`;
      out.push({ name: 'live DOM elements while scrolling, max', value: scroll.maxElements, unit: 'elements', budget: { limit: 800, kind: 'max' }, note });
      out.push({ name: 'longest task while scrolling', value: scroll.longestTask, unit: 'ms', budget: { limit: 50, kind: 'max' }, note: `${scroll.longTasks} tasks over 50 ms` });
      await page.close();
    } finally {
      await synthetic.stop();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The tightest budget on a file (build/bundleBudgets.ts). */
function budgetOf(file: string): number {
  return Math.min(...BUNDLE_BUDGETS.filter((b) => b.files.includes(file) && b.budget !== undefined).map((b) => b.budget!));
}

/** An ESM entry's gzip size plus the chunks it imports statically (what a bundler-less browser loads). */
function esmGzipSize(entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string): number => {
    if (seen.has(file)) return 0;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const imports = [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]!));
    return gzipSize(code) + imports.reduce((sum, f) => sum + visit(f), 0);
  };
  return visit(join(DIST, entry));
}

export async function openBenchPage(browser: Browser, origin: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  // tsx compiles the in-page functions below with esbuild's keepNames, which calls a `__name` helper.
  await page.addInitScript('window.__name = (fn) => fn');
  await page.route(`${origin}/bench.html`, (route) => route.fulfill({ contentType: 'text/html', body: BENCH_PAGE }));
  await page.goto(`${origin}/bench.html`);
  return page;
}

/**
 * In the page: mounts the selector and resolves when every thumbnail in the visible part of the
 * grid has loaded, plus one frame for it to be painted.
 */
async function firstThumbnailsPainted(): Promise<{ ms: number; images: number }> {
  const host = document.querySelector<HTMLElement>('#host')!;
  const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): unknown } }).AssetSelector;
  const started = performance.now();
  (window as unknown as { benchHandle: unknown }).benchHandle = api.mount(host, { repository: location.origin, selectionType: 'multiple' });
  const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
  for (;;) {
    await frame();
    if (performance.now() - started > 20_000) throw new Error('no thumbnails within 20 s');
    const scroller = host.querySelector('[role="grid"]')?.closest('.as-grid-scroll') ?? host.querySelector('[role="grid"]');
    if (!scroller) continue;
    const view = scroller.getBoundingClientRect();
    const visible = [...scroller.querySelectorAll('img')].filter((img) => {
      const r = img.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > view.top && r.top < view.bottom && r.top < innerHeight;
    });
    if (visible.length > 0 && visible.every((img) => img.complete && img.naturalWidth > 0)) {
      await frame();
      return { ms: performance.now() - started, images: visible.length };
    }
  }
}

/**
 * In the page: scrolls the grid a viewport at a time until the repository has no further page
 * (the grid loads them through the cursor as its end comes into view), counting live elements
 * after every step and observing long tasks throughout.
 */
async function scrollGridToEnd(): Promise<{ maxElements: number; longestTask: number; longTasks: number; steps: number; loaded: number; reachedEnd: boolean; ms: number }> {
  const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
  const scroller = grid.closest<HTMLElement>('.as-grid-scroll') ?? grid.parentElement!;
  const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
  const count = () => document.getElementsByTagName('*').length;
  let longestTask = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTask = Math.max(longestTask, entry.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  let maxElements = count();
  let steps = 0;
  let reachedEnd = false;
  // Read once: reading layout after each write would force synchronous layouts the selector never asks for.
  const step = scroller.clientHeight;
  while (performance.now() - started < 180_000) {
    scroller.scrollBy(0, step);
    steps++;
    await frame();
    await frame();
    maxElements = Math.max(maxElements, count());
    if (scroller.scrollTop + step < scroller.scrollHeight - 1) continue;
    // At the bottom: the next page extends the grid, or there is none and this is the end.
    const height = scroller.scrollHeight;
    const waitUntil = performance.now() + 5_000;
    while (scroller.scrollHeight === height && performance.now() < waitUntil) await frame();
    maxElements = Math.max(maxElements, count());
    if (scroller.scrollHeight === height) {
      reachedEnd = !scroller.querySelector('.as-grid-tail');
      break;
    }
  }
  // Let the last tasks be reported before reading the observer.
  await new Promise((done) => setTimeout(done, 100));
  observer.disconnect();
  const lastRow = [...grid.querySelectorAll('[role="row"]')].pop();
  const columns = Number(grid.getAttribute('aria-colcount') ?? 1);
  const loaded = (Number(lastRow?.getAttribute('aria-rowindex') ?? 1) - 1) * columns + (lastRow?.querySelectorAll('[role="gridcell"]').length ?? 0);
  return { maxElements, longestTask, longTasks, steps, loaded, reachedEnd, ms: performance.now() - started };
}
