import { expect, type CDPSession, type Page } from '@playwright/test';
import { test } from './selectorHelpers.ts';

/**
 * 100 mount/unmount cycles leave nothing behind: DOM nodes and listeners (Chromium's own counters
 * after a garbage collection, through CDP), listeners on window and document, object URLs, timers,
 * style sheets. Each cycle waits for the first screen of results (thumbnails loading) and types a
 * search, so that a debounce timer and a request are in flight when unmount() comes.
 */
const CYCLES = 100;

/** Counts what is live: wrappers installed before any script of the page runs. */
function instrument() {
  const live = { objectUrls: new Set<string>(), timeouts: new Set<number>(), intervals: new Set<number>(), listeners: new Set<string>() };
  (window as unknown as { __live: typeof live }).__live = live;
  const createObjectURL = URL.createObjectURL.bind(URL);
  const revokeObjectURL = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    const url = createObjectURL(object);
    live.objectUrls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url) => {
    live.objectUrls.delete(url);
    revokeObjectURL(url);
  };
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(() => {
      live.timeouts.delete(id);
      if (typeof fn === 'function') fn(...args);
    }, ms);
    live.timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.timeouts.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = si(fn as () => void, ms, ...args);
    live.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (target: EventTarget, type: string, listener: unknown, options: unknown) => {
    if (!ids.has(listener as object)) ids.set(listener as object, ++next);
    const capture = typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
    return `${target === window ? 'window' : 'document'} ${type} ${ids.get(listener as object)} ${capture}`;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    // `once` listeners that fire are gone without a remove: not counted (none of ours on window or document is once).
    if ((this === window || this === document) && listener && !(typeof options === 'object' && options.once)) live.listeners.add(key(this, type, listener, options));
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if ((this === window || this === document) && listener) live.listeners.delete(key(this, type, listener, options));
    return remove.call(this, type, listener, options);
  };
}

async function snapshot(page: Page, cdp: CDPSession) {
  // Timers of ours that were cleared, and pending work, settle first.
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const page_ = await page.evaluate(() => {
    const live = (window as unknown as { __live: { objectUrls: Set<string>; timeouts: Set<number>; intervals: Set<number>; listeners: Set<string> } }).__live;
    return {
      objectUrls: live.objectUrls.size,
      timeouts: live.timeouts.size,
      intervals: live.intervals.size,
      listeners: [...live.listeners].sort(),
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll('head style, head link[rel="stylesheet"]').length,
      elements: document.getElementsByTagName('*').length,
      mountContainers: document.querySelectorAll('[data-asset-selector-mount]').length,
    };
  });
  return { nodes: counters.nodes, jsEventListeners: counters.jsEventListeners, documents: counters.documents, ...page_ };
}

test(`${CYCLES} mount/unmount cycles leave no DOM nodes, listeners, object URLs, timers or style sheets behind`, async ({ page, hostPage }) => {
  test.setTimeout(240_000);
  await page.addInitScript(instrument);
  await page.goto(hostPage);
  const cdp = await page.context().newCDPSession(page);

  const cycle = async (n: number) => {
    await page.evaluate(async (n) => {
      const w = window as unknown as { picker?: { unmount(): void }; AssetSelector: { mount(el: Element, o: object): { unmount(): void } } };
      w.picker?.unmount();
      const el = document.querySelector('#picker')!;
      const handle = w.AssetSelector.mount(el, { repository: location.origin, selectionType: 'multiple', token: n % 2 ? 'dev-token-marketing' : undefined });
      const shadow = () => el.querySelector('[data-asset-selector-mount]')!.shadowRoot!;
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 400 && !check(); i++) await new Promise((done) => requestAnimationFrame(() => done(undefined)));
      };
      await until(() => /assets found/.test(shadow().querySelector('[role="status"]')?.textContent ?? ''));
      // The baseline's cycle also waits for the filter groups, which come after the first results:
      // Chromium keeps a document for good once a page has shown a date field.
      if (n === 0) await until(() => shadow().querySelector('input[type="date"]') !== null);
      const input = shadow().querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = `kite ${n}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      w.picker = handle;
    }, n);
  };
  const unmountLast = () => page.evaluate(() => (window as unknown as { picker: { unmount(): void } }).picker.unmount());

  // The page before any selector, for Chromium's node and listener counters; then one cycle: what
  // a page keeps once it has used the selector (its catalog, its shared sheet) is the baseline for the rest.
  await unmountLast();
  const fresh = await snapshot(page, cdp);
  await cycle(0);
  await unmountLast();
  const before = await snapshot(page, cdp);
  for (let n = 1; n <= CYCLES; n++) await cycle(n);
  await unmountLast();
  const after = await snapshot(page, cdp);
  console.log(`after ${CYCLES} cycles:`, JSON.stringify({ fresh, before, after }));

  expect(after.mountContainers).toBe(0);
  expect(after.elements).toBe(before.elements);
  expect(after.objectUrls).toBe(before.objectUrls);
  expect(after.timeouts).toBe(before.timeouts);
  expect(after.intervals).toBe(before.intervals);
  expect(after.listeners).toEqual(before.listeners);
  expect(after.adoptedStyleSheets).toBe(before.adoptedStyleSheets);
  expect(after.styleElements).toBe(before.styleElements);
  expect(after.documents).toBe(before.documents);
  // Chromium's counters after a collection: nodes and listeners as after the first cycle. (Not as
  // on the fresh page: React DOM keeps the last root's delegated listeners, about 143, once it has
  // been used, and Preact the last unmounted tree until the next render; neither grows.) A few
  // nodes of slack for the host page's own status text, which varies between runs.
  expect(after.nodes - before.nodes).toBeLessThanOrEqual(20);
  expect(after.jsEventListeners - before.jsEventListeners).toBeLessThanOrEqual(0);
});
