/**
 * Functions the runtime bench evaluates inside the page (Playwright serializes them, so each is
 * self-contained). `mount()` renders into a shadow root on a `[data-asset-selector-mount]` element
 * in `#host` (the React component renders in `#host` itself), so each looks in that root first. They talk to the page through `window.benchMount` (every bench page has it)
 * and leave their state on `window.__bench`.
 */

interface BenchWindow {
  benchMount(el: Element, options: object): { unmount(): void };
  __bench: {
    handle?: { unmount(): void };
    /** Times (performance.now) of the selector's callbacks, newest last. */
    callbacks: Array<{ name: 'onSelect' | 'onSelectionChange'; at: number; count: number }>;
    pending?: Promise<unknown>;
  };
}

export interface PaintResult {
  ms: number;
  /** Mount → the first frame with result cells in the grid (before their thumbnails). */
  resultsMs: number;
  /** Where the time went, from Resource Timing: mount → search request sent, thumbnails requested, last thumbnail received. */
  searchSentMs: number;
  thumbnailsRequestedMs: number;
  lastThumbnailMs: number;
  thumbnailRequests: number;
  images: number;
  /** The first screen's thumbnails: URL and bytes received (encoded body, from Resource Timing). */
  thumbnails: Array<{ url: string; bytes: number; type: string }>;
}

/**
 * Mounts the selector in `#host` and resolves when every thumbnail in the visible part of the grid
 * has loaded and decoded, and the frame showing them has been painted.
 */
export async function mountAndPaint(): Promise<PaintResult> {
  const w = window as unknown as BenchWindow;
  w.__bench ??= { callbacks: [] };
  performance.setResourceTimingBufferSize(100_000);
  const host = document.querySelector<HTMLElement>('#host')!;
  const record = (name: 'onSelect' | 'onSelectionChange') => (assets: unknown[]) => {
    w.__bench.callbacks.push({ name, at: performance.now(), count: assets.length });
  };
  const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
  const started = performance.now();
  w.__bench.handle = w.benchMount(host, {
    repository: location.origin,
    selectionType: 'multiple',
    onSelect: record('onSelect'),
    onSelectionChange: record('onSelectionChange'),
  });
  let resultsMs = NaN;
  for (;;) {
    await frame();
    if (performance.now() - started > 30_000) throw new Error('no thumbnails within 30 s');
    const grid = (host.querySelector('[data-asset-selector-mount]')?.shadowRoot ?? host).querySelector('[role="grid"]');
    if (Number.isNaN(resultsMs) && grid?.querySelector('[role="gridcell"]')) resultsMs = performance.now() - started;
    const scroller = grid?.closest('.as-grid-scroll') ?? grid;
    if (!scroller) continue;
    const view = scroller.getBoundingClientRect();
    const visible = [...scroller.querySelectorAll('img')].filter((img) => {
      const r = img.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > view.top && r.top < view.bottom && r.top < innerHeight;
    });
    if (visible.length === 0 || !visible.every((img) => img.complete && img.naturalWidth > 0)) continue;
    await Promise.all(visible.map((img) => img.decode().catch(() => undefined)));
    // Checked in this frame's animation callbacks, the images are painted in this frame; a task
    // queued now runs once it is (as the keystroke's end below). Waiting for the next frame's
    // callbacks as well counted one frame too many.
    await new Promise((done) => setTimeout(done, 0));
    const ms = performance.now() - started;
    const thumbnails = visible.map((img) => {
      const entry = (performance.getEntriesByName(img.currentSrc) as Array<PerformanceResourceTiming & { contentType?: string }>).at(-1);
      return { url: img.currentSrc, bytes: entry?.encodedBodySize ?? NaN, type: entry?.contentType ?? '' };
    });
    const since = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= started);
    const search = since.find((e) => e.name.includes('/search'));
    const thumbs = since.filter((e) => e.name.includes('/as/'));
    return {
      ms,
      resultsMs,
      searchSentMs: search ? search.startTime - started : NaN,
      thumbnailsRequestedMs: thumbs.length ? Math.min(...thumbs.map((e) => e.startTime)) - started : NaN,
      lastThumbnailMs: thumbs.length ? Math.max(...thumbs.map((e) => e.responseEnd)) - started : NaN,
      thumbnailRequests: thumbs.length,
      images: visible.length,
      thumbnails,
    };
  }
}

/** Mounts the selector in `#host` (for runs that wait for the grid, not for thumbnails). */
export function mountSelector(): void {
  const w = window as unknown as BenchWindow;
  w.__bench ??= { callbacks: [] };
  w.__bench.handle = w.benchMount(document.querySelector('#host')!, { repository: location.origin, selectionType: 'multiple' });
}

export function unmountSelector(): void {
  const w = window as unknown as BenchWindow;
  w.__bench.handle?.unmount();
  w.__bench.handle = undefined;
}

/** The accessible names of the rendered result cells, to tell one result set from another. */
export function resultNames(): string {
  const grid = (document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document).querySelector('[role="grid"]');
  return [...(grid?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.getAttribute('aria-label')).join('\n');
}

/**
 * Arms a measurement of the next keystroke: from the keydown event's time to the frame that shows
 * a different, settled set of results painted. Await `window.__bench.pending` for the result.
 */
export function armKeystroke(): void {
  const w = window as unknown as BenchWindow;
  const names = () => {
    const grid = (document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document).querySelector('[role="grid"]');
    return [...(grid?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.getAttribute('aria-label')).join('\n');
  };
  const settled = () => {
    const grid = (document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document).querySelector('[role="grid"]');
    return grid !== null && !grid.hasAttribute('aria-busy');
  };
  const before = names();
  let keyAt: number | null = null;
  addEventListener(
    'keydown',
    (event) => {
      keyAt = event.timeStamp;
    },
    { capture: true, once: true },
  );
  w.__bench.pending = new Promise<{ ms: number }>((done) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      done({ ms: NaN });
    }, 15_000);
    const observer = new MutationObserver(() => {
      if (keyAt === null || !settled()) return;
      const now = names();
      if (now === '' || now === before) return;
      observer.disconnect();
      clearTimeout(timeout);
      const from = keyAt;
      requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - from }), 0));
    });
    // Mutations inside a shadow root reach no observer outside it.
    observer.observe(document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'aria-busy'] });
  });
}

/**
 * Arms a measurement of the next click: from the click event's time to the selector's next
 * `callback`. Await `window.__bench.pending` for the result.
 */
export function armClickToCallback(callback: 'onSelect' | 'onSelectionChange'): void {
  const w = window as unknown as BenchWindow;
  const seen = w.__bench.callbacks.length;
  let clickAt: number | null = null;
  addEventListener(
    'click',
    (event) => {
      clickAt = event.timeStamp;
    },
    { capture: true, once: true },
  );
  w.__bench.pending = new Promise<{ ms: number }>((done) => {
    const started = performance.now();
    const poll = () => {
      const hit = w.__bench.callbacks.slice(seen).find((c) => c.name === callback);
      if (hit && clickAt !== null) return done({ ms: hit.at - clickAt });
      if (performance.now() - started > 10_000) return done({ ms: NaN });
      setTimeout(poll, 5);
    };
    poll();
  });
}

export async function pendingResult(): Promise<{ ms: number }> {
  return (window as unknown as BenchWindow).__bench.pending as Promise<{ ms: number }>;
}

export interface ScrollResult {
  maxElements: number;
  longestTask: number;
  longTasks: number;
  /** Frames that should have been drawn at 60 Hz but were not. */
  droppedFrames: number;
  frames: number;
  longestFrameGap: number;
  steps: number;
  loaded: number;
  reachedEnd: boolean;
  ms: number;
}

/**
 * Scrolls the grid to the end of what is loaded, again as soon as the next page has extended it,
 * until the repository has no further page: the fastest a person can reach the end (each step
 * loads one page through the cursor). Counts live elements (shadow roots included) after every
 * step, and observes long tasks and animation frames throughout.
 */
export async function scrollGridToEnd(args: { timeLimitMs: number }): Promise<ScrollResult> {
  const grid = (document.querySelector('#host [data-asset-selector-mount]')?.shadowRoot ?? document).querySelector<HTMLElement>('[role="grid"]')!;
  const scroller = grid.closest<HTMLElement>('.as-grid-scroll') ?? grid.parentElement!;
  const frame = () => new Promise<number>((done) => requestAnimationFrame(done));
  const countElements = (root: Document | ShadowRoot): number => {
    const all = root.querySelectorAll('*');
    let n = all.length;
    for (const el of all) if (el.shadowRoot) n += countElements(el.shadowRoot);
    return n;
  };
  let longestTask = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTask = Math.max(longestTask, entry.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  // Frames: a rAF loop over the whole scroll. A gap of n frame periods is n − 1 dropped frames.
  const period = 1000 / 60;
  let frames = 0;
  let dropped = 0;
  let longestFrameGap = 0;
  let last = performance.now();
  let counting = true;
  const tick = (now: number) => {
    const gap = now - last;
    last = now;
    frames++;
    longestFrameGap = Math.max(longestFrameGap, gap);
    dropped += Math.max(0, Math.round(gap / period) - 1);
    if (counting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // Resolves when the scrollable height changes (the grid's canvas gets its new height inline),
  // or after `ms`: no polling between, so the next step starts right when the page has rendered.
  // A mutation is checked in the next animation frame, not in the observer's callback: reading
  // scrollHeight there would force style and layout into the task that rendered the page (a
  // person scrolling reads nothing), where the browser lays it out in the frame that follows.
  const heightChange = (from: number, ms: number) =>
    new Promise<void>((done) => {
      let finished = false;
      let checking = false;
      const finish = () => {
        finished = true;
        watcher.disconnect();
        clearTimeout(timer);
        done();
      };
      const watcher = new MutationObserver(() => {
        if (checking) return;
        checking = true;
        requestAnimationFrame(() => {
          checking = false;
          if (!finished && scroller.scrollHeight !== from) finish();
        });
      });
      watcher.observe(scroller, { subtree: true, attributes: true, attributeFilter: ['style'], childList: true });
      const timer = setTimeout(finish, ms);
      if (scroller.scrollHeight !== from) finish();
    });

  await frame();
  const started = performance.now();
  let maxElements = countElements(document);
  let steps = 0;
  let reachedEnd = false;
  while (performance.now() - started < args.timeLimitMs) {
    const height = scroller.scrollHeight;
    scroller.scrollTop = height;
    steps++;
    await heightChange(height, 5_000);
    maxElements = Math.max(maxElements, countElements(document));
    if (scroller.scrollHeight === height) {
      reachedEnd = !scroller.querySelector('.as-grid-tail');
      break;
    }
  }
  const ms = performance.now() - started;
  await frame();
  maxElements = Math.max(maxElements, countElements(document));
  counting = false;
  // Let the last tasks be reported before reading the observer.
  await new Promise((done) => setTimeout(done, 100));
  observer.disconnect();
  const lastRow = [...grid.querySelectorAll('[role="row"]')].pop();
  const columns = Number(grid.getAttribute('aria-colcount') ?? 1);
  const loaded = (Number(lastRow?.getAttribute('aria-rowindex') ?? 1) - 1) * columns + (lastRow?.querySelectorAll('[role="gridcell"]').length ?? 0);
  return { maxElements, longestTask, longTasks, droppedFrames: dropped, frames, longestFrameGap, steps, loaded, reachedEnd, ms };
}
