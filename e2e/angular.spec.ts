import { expect, test, type Locator, type Page } from '@playwright/test';
import { decodedSize, expectedSize, search, selector } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/**
 * The Angular host app (demo/angular/, built by `npm run build` with the Angular CLI): one selector
 * mounted by MountedSelectorComponent through `AssetSelector.mount()`, one `<asset-selector>` in
 * ElementSelectorComponent's template. The page has two selectors, so each test looks inside one
 * component.
 */
const PAGE = '/dist/demo/angular/';

const mountedComponent = (page: Page) => page.locator('app-mounted-selector');
const elementComponent = (page: Page) => page.locator('app-element-selector');
const showMounted = (page: Page) => page.getByRole('checkbox', { name: 'Show MountedSelectorComponent' });

/** Console errors and uncaught exceptions of the page, to be empty at the end of each test. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** What the Angular view shows of a payload: the status line, the URLs listed and the payload as JSON. */
function shownByAngular(component: Locator, source: string) {
  const received = component.getByRole('region', { name: `Received by ${source}` });
  const links = received.getByRole('list', { name: 'Received assets' }).getByRole('link');
  return {
    received,
    status: received.getByRole('status'),
    urls: async () => links.allTextContents(),
    payload: async () => JSON.parse((await received.getByRole('region', { name: `${source} payload as JSON` }).textContent()) ?? '[]') as SelectedAsset[],
  };
}

/** Each URL decodes at the size its modifiers ask for, and the Angular view's previews of them loaded. */
async function expectImagesLoad(page: Page, received: Locator, assets: SelectedAsset[]): Promise<void> {
  for (const asset of assets) {
    const decoded = await decodedSize(page, asset.url);
    const expected = expectedSize(asset);
    expect(Math.abs(decoded.width - expected.width), `${asset.url} width`).toBeLessThanOrEqual(1);
    expect(Math.abs(decoded.height - expected.height), `${asset.url} height`).toBeLessThanOrEqual(1);
  }
  const previews = received.getByRole('img');
  await expect(previews).toHaveCount(assets.length);
  for (const img of await previews.all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  }
}

/** All markup of the page, open shadow roots included. */
function allMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return parts.join('\n');
  });
}

/**
 * What a selector could leave behind in the page after its component is gone: listeners on window
 * and document (by type, through the DevTools protocol), elements (open shadow roots included) and
 * mount containers in the light DOM.
 */
async function leftovers(page: Page): Promise<{ listeners: Record<string, number>; elements: number; mountContainers: number }> {
  const cdp = await page.context().newCDPSession(page);
  const listeners: Record<string, number> = {};
  try {
    for (const target of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const { type } of found) listeners[`${target}:${type}`] = (listeners[`${target}:${type}`] ?? 0) + 1;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
    }
  } finally {
    await cdp.detach();
  }
  const dom = await page.evaluate(() => {
    const count = (root: Document | ShadowRoot): number =>
      [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    return { elements: count(document), mountContainers: document.querySelectorAll('[data-asset-selector-mount]').length };
  });
  return { listeners, ...dom };
}

test.describe('Angular app', () => {
  test('mount() in a component: search, select two images, the Angular view lists the emitted URLs and they load; the token function authorizes the requests', async ({ page }) => {
    const errors = collectErrors(page);
    const searches: Array<{ body: string; authorization: string | undefined }> = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/adobe/assets/search')) searches.push({ body: request.postData() ?? '', authorization: request.headers().authorization });
    });
    await page.goto(PAGE);
    const component = mountedComponent(page);
    const s = selector(component);
    const shown = shownByAngular(component, 'onSelect');
    await expect(shown.status).toHaveText('Nothing received yet.');

    await search(s, 'flower', /^[2-9]\d* assets found$/);
    const images = s.root.locator('[role="gridcell"][data-kind="image"]');
    const titles = [await images.nth(0).getAttribute('aria-label'), await images.nth(1).getAttribute('aria-label')];
    await images.nth(0).click();
    await images.nth(1).click();
    await expect(images.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(images.nth(1)).toHaveAttribute('aria-selected', 'true');
    // onSelectionChange reached a signal, and the zoneless app re-rendered for it.
    await expect(component.getByText('2 chosen (onSelectionChange)')).toBeVisible();
    await s.selectButton.click();

    await expect(shown.status).toHaveText('onSelect received 2 assets');
    const assets = await shown.payload();
    expect(assets).toHaveLength(2);
    expect(await shown.urls()).toEqual(assets.map((asset) => asset.url));
    const origin = new URL(page.url()).origin;
    for (const [i, asset] of assets.entries()) {
      expect(titles[i]).toMatch(new RegExp(`^${asset.title}`));
      expect(asset.url.startsWith(`${origin}/adobe/assets/${asset.assetId}/as/`)).toBe(true);
    }
    await expectImagesLoad(page, shown.received, assets);

    // This selector's searches carried the token its function returned (the element, given none,
    // sent none: its searches are the ones with its JPEG query); nothing else shows the token.
    const flowerSearches = searches.filter(({ body }) => body.includes('flower'));
    const elementSearches = searches.filter(({ body }) => body.includes('image/jpeg'));
    expect(flowerSearches.length).toBeGreaterThan(0);
    expect(elementSearches.length).toBeGreaterThan(0);
    expect(flowerSearches.map(({ authorization }) => authorization)).toEqual(flowerSearches.map(() => 'Bearer dev-token'));
    expect(elementSearches.map(({ authorization }) => authorization)).toEqual(elementSearches.map(() => undefined));
    expect(await allMarkup(page)).not.toContain('dev-token');
    expect(assets.map((asset) => asset.url).join(' ')).not.toMatch(/token/i);
    expect(errors).toEqual([]);
  });

  test('destroying MountedSelectorComponent leaves nothing behind, and recreating it mounts a fresh selector', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(PAGE);
    const component = mountedComponent(page);
    const s = selector(component);
    // Both selectors are up: the mounted one and the element's.
    await expect(s.status).toHaveText(/assets found/);
    await expect(selector(elementComponent(page)).status).toHaveText(/assets found/);
    await expect(page.getByRole('region', { name: 'Asset selector' })).toHaveCount(2);

    await showMounted(page).uncheck();
    await expect(component).toHaveCount(0);
    // The element's selector is left, in its shadow root: none in the page's own DOM.
    await expect(page.getByRole('region', { name: 'Asset selector' })).toHaveCount(1);
    const baseline = await leftovers(page);
    expect(baseline.mountContainers).toBe(0);

    // Recreated: a new selector with a state of its own, which works.
    await showMounted(page).check();
    await expect(s.searchbox).toHaveValue('');
    await expect(shownByAngular(component, 'onSelect').status).toHaveText('Nothing received yet.');
    await search(s, 'kite', '2 assets found');
    await s.cell('Kite over the hills').click();
    await expect(s.selectButton).toHaveAccessibleName(/1/);

    // Destroyed with a debounced search still pending: that search is never sent.
    const late: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/adobe/assets/search') && (request.postData() ?? '').includes('espresso')) late.push(request.url());
    });
    await s.searchbox.fill('espresso');
    await showMounted(page).uncheck();
    await expect(component).toHaveCount(0);
    // An absence to observe: longer than the search debounce (250 ms) and its request.
    await page.waitForTimeout(1_000);
    expect(late).toEqual([]);
    expect(await leftovers(page)).toEqual(baseline);

    // Nothing accumulates over repeated create/destroy cycles either.
    for (let i = 0; i < 3; i++) {
      await showMounted(page).check();
      await expect(s.status).toHaveText(/assets found/);
      await showMounted(page).uncheck();
      await expect(component).toHaveCount(0);
    }
    expect(await leftovers(page)).toEqual(baseline);
    await expect(page.getByRole('region', { name: 'Asset selector' })).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('<asset-selector> in a template: bound attributes and query property apply, select reaches the Angular view', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(PAGE);
    const component = elementComponent(page);
    const element = component.locator('asset-selector');
    const s = selector(component);
    const origin = new URL(page.url()).origin;
    // [attr.repository] wrote the attribute; [query] set the property (an object no attribute can carry).
    await expect(element).toHaveAttribute('repository', origin);
    await expect(element).toHaveAttribute('selection-type', 'single');
    expect(await element.evaluate((el: HTMLElementTagNameMap['asset-selector']) => el.query)).toEqual([
      { term: { 'repositoryMetadata.dc:format': ['image/jpeg'] } },
    ]);
    // The query keeps the kite video out: this selector finds the photo only (the mounted one finds both).
    await search(s, 'kite', '1 asset found');
    await search(selector(mountedComponent(page)), 'kite', '2 assets found');

    await s.cell('Kite over the hills').click();
    await expect(component.getByText('1 chosen (selectionchange event)')).toBeVisible();
    await s.selectButton.click();

    const shown = shownByAngular(component, 'select event');
    await expect(shown.status).toHaveText('select event received 1 asset');
    const assets = await shown.payload();
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatchObject({ title: 'Kite over the hills', kind: 'image', mimeType: 'image/jpeg' });
    expect(await shown.urls()).toEqual([assets[0]!.url]);
    // image-format="webp" reached the payload.
    expect(assets[0]!.url).toMatch(new RegExp(`^${origin}/adobe/assets/[^/]+/as/kite\\.webp(\\?|$)`));
    await expectImagesLoad(page, shown.received, assets);
    // The mounted component's view did not receive the element's selection.
    await expect(shownByAngular(mountedComponent(page), 'onSelect').status).toHaveText('Nothing received yet.');
    expect(errors).toEqual([]);
  });
});
