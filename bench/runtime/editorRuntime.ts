import type { ElementHandle, Locator, Page } from '@playwright/test';
import { spawnEmulator } from '../benchTools.ts';
import { freshPage, launchChromium } from '../browser.ts';
import { BENCH_PAGES, pageUrl } from '../bundles/benchPages.ts';
import { buildPages } from '../bundles/buildPages.ts';
import { openEditorOnKite, selectorRoot } from '../selectorUi.ts';
import { FigureSet, type RuntimeFigure } from './figures.ts';
import { mountSelector } from './inPage.ts';
import { ourBuilds } from './ourBuilds.ts';

const CHANGES_PER_RUN = 5;
const WARM_UP_WIDTH = 500;
const DRAG_MS = 2_000;
const HZ = 60;

/**
 * Distinct output widths, one per measured change over every run of every build: each is a
 * transform the emulator has not done yet. None is 640 or 480: the crop area's backdrop is the
 * kite at width=640 and the stand-in preview is capped at 480, so those URLs may already be cached.
 */
function widths(count: number): number[] {
  const out: number[] = [];
  for (let w = 520; out.length < count; w += 8) if (w !== 640) out.push(w);
  return out;
}

/**
 * The image editor on each of our builds, against one emulator (builds alternate, `runs` fresh
 * pages each): (a) a control change (Width, set through its `input` event) to the URL text
 * updated; (b) the same change to the new Preview image shown (loaded at the new width and
 * decoded); (c) the longest task and frame gap while the crop rectangle is dragged for two seconds
 * with mouse moves at 60 Hz.
 */
export async function benchEditorRuntime(runs = 3): Promise<RuntimeFigure[]> {
  const builds = ourBuilds();
  await buildPages(BENCH_PAGES.filter((page) => builds.some((b) => b.pageId === page.id)));
  const set = new FigureSet('editor')
    .define('editor-url', 'editor: Width change → URL text updated', 'editor: change → URL text', 'ms', { limit: 16, kind: 'max' })
    .define('editor-preview', 'editor: Width change → new Preview shown (new transform)', 'editor: change → new Preview', 'ms', { limit: 250, kind: 'max' })
    .define('editor-drag-task', 'editor: longest task while dragging the crop for 2 s', 'editor: crop drag, longest task', 'ms', { limit: 50, kind: 'max' })
    .define('editor-drag-gap', 'editor: longest gap between frames while dragging the crop', 'editor: crop drag, longest frame gap', 'ms');
  const pool = widths(runs * builds.length * CHANGES_PER_RUN);
  const browser = await launchChromium();
  const emulator = await spawnEmulator([], { besideBrowser: true });
  try {
    for (let run = 0; run < runs; run++) {
      for (const build of builds) {
        console.log(`bench: editor, ${build.id}, run ${run + 1} of ${runs}`);
        const { context, page } = await freshPage(browser);
        try {
          await page.goto(pageUrl(emulator.url, { id: build.pageId }, '#manual'));
          await page.evaluate(mountSelector);
          await selectorRoot(page).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
          const editor = await openEditorOnKite(page);
          const width = editor.getByLabel('Width', { exact: true });
          await editor.getByRole('img', { name: 'Preview', exact: true }).waitFor();
          const handles = { editor: await handle(editor), input: await handle(width) };
          // Warm-up: the emulator has decoded the kite's source, smart-cropped it and run the
          // delivery route and encoder once, and the page has run the editor's change path once.
          // Every measured width after it is new, so each transform is still cold.
          await page.evaluate(measureChange, { ...handles, width: WARM_UP_WIDTH });
          for (const w of pool.splice(0, CHANGES_PER_RUN)) {
            const timing = await page.evaluate(measureChange, { ...handles, width: w });
            set.add('editor-url', build.id, timing.urlMs ?? NaN);
            set.add('editor-preview', build.id, timing.shownMs ?? NaN);
            await page.waitForTimeout(300);
          }
          const drag = await dragCrop(page, editor);
          set.add('editor-drag-task', build.id, drag.longestTask);
          set.add('editor-drag-gap', build.id, drag.frameGap);
          set.note(
            'editor-drag-task',
            build.id,
            `${drag.moves} mouse moves in ${(drag.dragMs / 1000).toFixed(2)} s in the last run, ${drag.longTasks} ${drag.longTasks === 1 ? 'task' : 'tasks'} over 50 ms, crop ${drag.cropBefore ?? 'none'} → ${drag.cropAfter ?? 'none'}`,
          );
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await emulator.stop();
    await browser.close();
  }
  return set.figures;
}

async function handle(locator: Locator): Promise<ElementHandle<HTMLElement>> {
  return (await locator.elementHandle()) as ElementHandle<HTMLElement>;
}

interface ChangeTiming {
  /** Input event → the URL text carries `width=N`. */
  urlMs: number | null;
  /** Whether that happened before the next animation frame after the input event. */
  urlBeforeNextFrame: boolean;
  /** Input event → the Preview first loads any new object URL (a reduced stand-in, if the editor uses one). */
  firstSwapMs: number | null;
  /** Input event → the Preview has loaded and decoded an image N px wide. */
  shownMs: number | null;
}

/**
 * In the page: sets Width to `width` as a person's keystroke would reach React (the native value
 * setter, then an `input` event), and times the URL text and the Preview image.
 */
async function measureChange(args: { editor: HTMLElement; input: HTMLElement; width: number }): Promise<ChangeTiming> {
  const { editor, width } = args;
  const input = args.input as HTMLInputElement;
  const frame = () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())));
  const findPreview = () =>
    [...editor.querySelectorAll('img')].find((img) => img.alt === 'Preview' || img.getAttribute('aria-label') === 'Preview') ?? null;
  // The URL the editor shows: a read-only field's value, or an element's text.
  const urlNow = () => {
    const pattern = /\/adobe\/assets\/\S+\/as\//;
    for (const field of editor.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input')) {
      if (pattern.test(field.value)) return field.value;
    }
    return [...editor.querySelectorAll<HTMLElement>('*')].find((el) => el.children.length === 0 && pattern.test(el.textContent ?? ''))?.textContent ?? '';
  };
  const widthPattern = new RegExp(`[?&]width=${width}(?:&|$|\\s)`);
  const urlShown = () => widthPattern.test(urlNow());
  // A macrotask without timer clamping, to poll between React's tasks.
  const channel = new MessageChannel();
  const task = () =>
    new Promise<void>((done) => {
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    });
  await frame();
  await frame();
  const oldSrc = findPreview()?.src ?? '';
  let urlAt: number | null = null;
  let nextFrameAt: number | null = null;
  let firstSwapAt: number | null = null;
  let shownAt: number | null = null;
  const onLoad = (event: Event) => {
    const now = performance.now();
    const img = event.target;
    if (!(img instanceof HTMLImageElement) || img !== findPreview() || img.src === oldSrc) return;
    if (firstSwapAt === null) firstSwapAt = now;
    if (shownAt === null && img.naturalWidth === width) {
      const src = img.src;
      // Loaded is not yet decoded: the time is when decode() resolves for this very src.
      void img.decode().then(
        () => {
          if (shownAt === null && img.src === src) shownAt = performance.now();
        },
        () => undefined,
      );
    }
  };
  editor.addEventListener('load', onLoad, true);

  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const started = performance.now();
  setValue.call(input, String(width));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  // Synchronous render, then React's microtask flush, then later tasks.
  if (urlShown()) urlAt = performance.now();
  requestAnimationFrame(() => {
    nextFrameAt = performance.now();
  });
  for (let i = 0; i < 50 && urlAt === null; i++) {
    await Promise.resolve();
    if (urlShown()) urlAt = performance.now();
  }
  while (urlAt === null && performance.now() - started < 2_000) {
    await task();
    if (urlShown()) urlAt = performance.now();
  }
  while (performance.now() - started < 10_000 && shownAt === null) await frame();
  channel.port1.close();
  editor.removeEventListener('load', onLoad, true);
  return {
    urlMs: urlAt === null ? null : urlAt - started,
    urlBeforeNextFrame: urlAt !== null && nextFrameAt !== null && urlAt <= nextFrameAt,
    firstSwapMs: firstSwapAt === null ? null : firstSwapAt - started,
    shownMs: shownAt === null ? null : shownAt - started,
  };
}

/**
 * Makes room to move (keyboard: the crop shrinks to 70 % × 70 % from the bottom-right), then drags
 * the crop rectangle by its inside for two seconds with page.mouse moves paced at 60 Hz, observing
 * long tasks in the page throughout.
 */
async function dragCrop(page: Page, editor: Locator): Promise<{ longestTask: number; longTasks: number; frameGap: number; moves: number; dragMs: number; cropBefore?: string; cropAfter?: string }> {
  const crop = editor.getByLabel('Crop', { exact: true });
  await crop.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < 30; i++) await page.keyboard.press('Shift+ArrowUp');
  await page.waitForTimeout(500);
  const cropParam = () =>
    editor.evaluate((el) => {
      const text = [...el.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((f) => f.value).join(' ') + (el.textContent ?? '');
      return /[?&]crop=([^&\s]+)/.exec(text)?.[1];
    });
  const cropBefore = await cropParam();
  const box = (await crop.boundingBox())!;
  // A point inside the rectangle whether "Crop" is the rectangle itself or the area it sits on
  // (the rectangle now covers the area's top-left 70 %): a quarter of the way in, clear of handles.
  const x0 = box.x + box.width * 0.25;
  const y0 = box.y + box.height * 0.25;
  const amplitude = Math.min(box.width, box.height) * 0.2;
  await page.evaluate(() => {
    const w = window as unknown as { benchLongTasks: number[]; benchObserver: PerformanceObserver };
    w.benchLongTasks = [];
    w.benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.benchLongTasks.push(entry.duration);
    });
    w.benchObserver.observe({ type: 'longtask' });
    // And the longest gap between animation frames (long tasks only report what exceeds 50 ms).
    const f = window as unknown as { benchFrameGap: number; benchFrames: boolean };
    f.benchFrameGap = 0;
    f.benchFrames = true;
    let last = performance.now();
    const loop = (now: number) => {
      f.benchFrameGap = Math.max(f.benchFrameGap, now - last);
      last = now;
      if (f.benchFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const started = performance.now();
  let moves = 0;
  // Sent at 60 Hz of wall time for two seconds. A move's round trip to the browser takes longer
  // than a frame here, so moves are not awaited one by one (that would halve the rate); they go
  // out in order on the one connection and are all awaited before the button is released.
  const sent: Array<Promise<void>> = [];
  for (let tick = 1; ; tick++) {
    const due = started + (tick * 1000) / HZ;
    if (due - started > DRAG_MS) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const phase = ((performance.now() - started) / 1000) * 2 * Math.PI * 0.75;
    // An ellipse around the start point: right/down and back, so the rectangle keeps moving.
    sent.push(page.mouse.move(x0 + amplitude * (1 - Math.cos(phase)), y0 + amplitude * 0.6 * Math.sin(phase)));
    moves++;
  }
  await Promise.all(sent);
  const dragMs = performance.now() - started;
  await page.mouse.up();
  const frameGap = await page.evaluate(() => {
    const f = window as unknown as { benchFrameGap: number; benchFrames: boolean };
    f.benchFrames = false;
    return f.benchFrameGap;
  });
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => {
    const w = window as unknown as { benchLongTasks: number[]; benchObserver: PerformanceObserver };
    w.benchObserver.disconnect();
    return w.benchLongTasks;
  });
  const cropAfter = await cropParam();
  return { longestTask: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, frameGap, moves, dragMs, ...(cropBefore ? { cropBefore } : {}), ...(cropAfter ? { cropAfter } : {}) };
}
