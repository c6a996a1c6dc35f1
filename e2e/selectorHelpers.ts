import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** Which build a Playwright project runs on (playwright.config.ts), and its plain host page. */
export interface BuildOptions {
  /** Per worker, so that `test.skip(({ build }) => …)` can leave out what one build does not have. */
  build: 'script-tag' | 'react-esm';
  /**
   * A page with `window.AssetSelector = { mount, defineAssetSelectorElement, … }` and the markup of
   * /demo/vanilla/, which mounts a selector into `#picker` and prints what `onSelect` received:
   * /demo/vanilla/ itself (the script tag), or /dist/demo/esm-host/ (the ESM build with React).
   */
  hostPage: string;
}

/** Playwright's `test`, with the project's build and host page as options. */
export const test = base.extend<{ hostPage: string }, { build: BuildOptions['build'] }>({
  build: ['script-tag', { option: true, scope: 'worker' }],
  hostPage: ['/demo/vanilla/', { option: true }],
});

/** What watchEveryRoot gives a spec's own init scripts. */
export interface EveryRoot {
  /** Calls `watch` on the document now and on every shadow root attached from then on. */
  eachRoot(watch: (root: Document | ShadowRoot) => void): void;
}

/**
 * From the page's start, lets the spec's init scripts added after this one watch the document and
 * every shadow root (the selector's, the custom element's) through `window.eachRoot`.
 */
export async function watchEveryRoot(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const watchers: Array<(root: Document | ShadowRoot) => void> = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      for (const watch of watchers) watch(root);
      return root;
    };
    (window as unknown as EveryRoot).eachRoot = (watch) => {
      watchers.push(watch);
      watch(document);
    };
  });
}

/**
 * The plain host page of the project's build (the script tag, or the ESM build with React), and the
 * React app, which embeds the ESM build as a component (so it runs in that project only: `skipHost`).
 */
export const HOST_PAGES = [
  { name: 'plain page', reactApp: false },
  { name: 'React app', reactApp: true },
] as const;
type HostPage = (typeof HOST_PAGES)[number];

/** Where a spec over HOST_PAGES goes for `host`. */
export const hostPageUrl = (host: HostPage, hostPage: string) => (host.reactApp ? '/dist/demo/react/' : hostPage);

/** Leaves out the React app in the script-tag project. */
export const skipHost = (host: HostPage) => test.skip(({ build }) => host.reactApp && build !== 'react-esm', 'the React app embeds the ESM build');

/**
 * The selector's parts by the accessible names the public contract fixes (DESIGN.md), so the
 * tests read like what a person does and break when those names do. Pass a Locator to find the
 * selector within one part of a page that has several.
 */
export function selector(page: Page | Locator, role: 'region' | 'dialog' = 'region') {
  const root = page.getByRole(role, { name: 'Asset selector' });
  return {
    root,
    searchbox: root.getByRole('searchbox', { name: 'Search assets' }),
    grid: root.getByRole('grid', { name: 'Assets' }),
    status: root.getByRole('status').filter({ hasText: /asset|Searching/ }),
    selectButton: root.getByRole('button', { name: /^Select\b/ }),
    cancelButton: root.getByRole('button', { name: 'Cancel' }),
    cells: root.getByRole('grid', { name: 'Assets' }).getByRole('gridcell'),
    cell: (title: string | RegExp): Locator =>
      root.getByRole('grid', { name: 'Assets' }).getByRole('gridcell', { name: typeof title === 'string' ? new RegExp(`^${escape(title)}`) : title }),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Selector = ReturnType<typeof selector>;

/**
 * Replaces the script-tag host page's selector (`window.picker` in `#picker`) by one mounted with
 * `options` on the page's repository; what its `onSelect` receives lands in `window.received`.
 */
export async function remountPicker(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.evaluate((options) => {
    const w = window as unknown as { picker: { unmount(): void }; received: unknown[]; AssetSelector: { mount(el: Element, options: object): { unmount(): void } } };
    w.picker.unmount();
    w.received = [];
    w.picker = w.AssetSelector.mount(document.querySelector('#picker')!, { repository: location.origin, onSelect: (assets: unknown[]) => (w.received = assets), ...options });
  }, options);
}

/** Holds every search until the returned function is called (then lets them through). */
export async function holdSearches(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route('**/adobe/assets/search', async (route) => {
    await released;
    await route.continue().catch(() => undefined);
  });
  return release;
}

/**
 * Types into the search box, waits for the (debounced) search request carrying that text to be
 * answered, then for the live status to report it. Waiting for the request matters: until the
 * debounce fires, the status still shows the previous search's count, which may match `found`.
 */
export async function search(s: Selector, text: string, found: string | RegExp): Promise<void> {
  const needle = JSON.stringify(text).slice(1, -1).toLowerCase();
  const answered = s.root.page().waitForResponse(
    (r) => r.url().endsWith('/adobe/assets/search') && (r.request().postData() ?? '').toLowerCase().includes(needle),
  );
  await s.searchbox.fill(text);
  await answered;
  await expect(s.status).toHaveText(found);
}

/** `POST /_emulator/faults` (the e2e emulator runs with --faults). */
export async function armFault(request: APIRequestContext, fault: { path: string; status: number; count?: number; method?: string }): Promise<void> {
  const response = await request.post('/_emulator/faults', { data: fault });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function clearFaults(request: APIRequestContext): Promise<void> {
  expect((await request.delete('/_emulator/faults')).ok()).toBe(true);
}

/** Fetches `url` in the page and decodes it as the browser would: its real pixel size. */
export function decodedSize(page: Page, url: string): Promise<{ width: number; height: number; type: string }> {
  return page.evaluate(async (src) => {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    const blob = await response.blob();
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height, type: blob.type };
    bitmap.close();
    return size;
  }, url);
}

/**
 * The size a delivery URL should decode to: the requested width and height, one of them derived
 * from the original's aspect ratio; without either, the emulator's default (the original, at most
 * 2048 wide).
 */
export function expectedSize(asset: { width?: number; height?: number; modifiers: Record<string, string> }): { width: number; height: number } {
  const { width: ow = 0, height: oh = 0, modifiers } = asset;
  const w = modifiers.width ? Number(modifiers.width) : undefined;
  const h = modifiers.height ? Number(modifiers.height) : undefined;
  if (w && h) return { width: w, height: h };
  if (w) return { width: w, height: Math.round((oh * w) / ow) };
  if (h) return { width: Math.round((ow * h) / oh), height: h };
  const width = Math.min(ow, 2048);
  return { width, height: Math.round((oh * width) / ow) };
}
