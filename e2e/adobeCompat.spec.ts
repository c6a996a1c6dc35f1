import { expect, type Page } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * Pages written for Adobe's Asset Selector (demo/adobe-compat/), unchanged but for the script URL
 * and config.js, against the emulator. They load the script-tag build (or, the React page, the
 * ESM entry), so they run once, in the script-tag project.
 */
test.skip(({ build }) => build !== 'script-tag', 'Adobe pages load their own build');

const TOKEN = 'dev-token-marketing';
const RENDITION = 'http://ns.adobe.com/adobecloud/rel/rendition';

/** Collects uncaught page errors; each test ends by checking there were none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

interface AdobeAsset {
  [key: string]: unknown;
  _links: Record<string, Array<{ href: string; type: string; width: number; height: number }> | { href: string }>;
}

test('a dialog page: the auth service signs in from the configuration, onRenderComplete opens the dialog, handleSelection gets the contract fields, then onClose', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  await page.goto('/demo/adobe-compat/dialog.html');
  const api = await page.evaluate(() => Object.keys((window as unknown as { PureJSSelectors: object }).PureJSSelectors).sort());
  expect(api).toEqual(
    [
      'clearAssetsSelectorsAuthService', 'configure', 'getAssetsSelectorsAuthService', 'getDefaultInfoPopoverData', 'registerAssetSelectorsIms',
      'registerAssetsSelectorsAuthService', 'registerContentAdvisorAuthService', 'renderAssetSelector', 'renderAssetSelectorWithAuthFlow',
      'renderAssetSelectorWithIms', 'renderContentAdvisorWithAuthFlow', 'renderDestinationSelector', 'renderDestinationSelectorWithAuthFlow', 'unrender',
    ].sort(),
  );
  // The page reads the auth service's props and token as it would Adobe's.
  await expect.poll(() => page.evaluate(() => (window as unknown as { imsInstance: { imsToken?: string } }).imsInstance.imsToken)).toBe(TOKEN);
  expect(await page.evaluate(() => (window as unknown as { assetsSelectorsAuthService: { env: string; imsOrg: string } }).assetsSelectorsAuthService.env)).toBe('prod');

  const dialog = page.locator('#asset-selector-dialog');
  await expect(dialog).not.toHaveAttribute('open');
  await page.getByRole('button', { name: 'Open Asset Selector' }).click();
  await expect(dialog).toHaveAttribute('open', '');
  const s = selector(page);
  await expect(s.cells.first()).toBeVisible();
  // Laid out once the dialog showed: cards in several columns, not one squeezed column.
  const [first, second] = await Promise.all([s.cells.nth(0).boundingBox(), s.cells.nth(1).boundingBox()]);
  expect(second!.y).toBe(first!.y);
  expect(second!.x).toBeGreaterThan(first!.x + first!.width);

  // Its searches carry the configured token, never in a URL.
  const searched = page.waitForRequest((r) => r.url().endsWith('/adobe/assets/search'));
  await s.searchbox.fill('kite');
  expect((await searched).headers().authorization).toBe(`Bearer ${TOKEN}`);
  await s.cell('Kite over the hills').click();
  await expect.poll(() => page.evaluate(() => ((window as unknown as { lastAssetSelection?: unknown[] }).lastAssetSelection ?? []).length)).toBe(1);
  await s.searchbox.fill('rowing');
  await s.cell('Rowing boats at sunset').click();
  await s.selectButton.click();

  await expect(dialog).not.toHaveAttribute('open');
  await expect(page.getByRole('status').filter({ hasText: 'Received' })).toHaveText('Received kite.jpg, evening-glow.jpg');
  const assets = await page.evaluate(() => (window as unknown as { receivedAssets: AdobeAsset[] }).receivedAssets);
  expect(assets).toHaveLength(2);
  const host = new URL(baseURL!).host;
  for (const asset of assets) {
    expect(asset['repo:assetId']).toMatch(/^urn:aaid:aem:/);
    expect(asset['repo:id']).toBe(asset['repo:assetId']);
    expect(asset.name).toBe(asset['repo:name']);
    expect(asset['repo:repositoryId']).toBe(host);
    expect(asset['dc:format']).toBe('image/jpeg');
    expect(asset.mimetype).toBe('image/jpeg');
    expect(asset['aem:formatName']).toBe('jpeg');
    expect(typeof asset['repo:size']).toBe('number');
    expect(typeof asset['tiff:imageWidth']).toBe('number');
    expect(typeof asset['tiff:imageLength']).toBe('number');
    expect(asset.computedMetadata).toMatchObject({ 'repo:name': asset['repo:name'] });
    expect(asset).not.toHaveProperty('_embedded');
    const renditions = asset._links[RENDITION] as Array<{ href: string; width: number; height: number }>;
    expect(renditions.length).toBeGreaterThan(0);
    for (const r of renditions) {
      expect(r.href.startsWith(`${baseURL}/adobe/assets/${asset['repo:assetId']}/as/`)).toBe(true);
      expect(Number.isInteger(r.width) && Number.isInteger(r.height)).toBe(true);
    }
    expect((asset._links['http://ns.adobe.com/adobecloud/rel/download'] as { href: string }).href).toContain('/original/as/');
  }
  expect(JSON.stringify(assets)).not.toContain(TOKEN);

  // Pages render again on every click: in place, one selector, the person's selection kept.
  await page.getByRole('button', { name: 'Open Asset Selector' }).click();
  await expect(dialog).toHaveAttribute('open', '');
  await expect.poll(() => page.evaluate(() => (window as unknown as { renderCount: number }).renderCount)).toBe(2);
  expect(await page.locator('#asset-selector > *').count()).toBe(1);
  await expect(s.selectButton).toHaveAccessibleName(/2/);
  await s.cancelButton.click();
  await expect(dialog).not.toHaveAttribute('open');

  // A container the page emptied takes a fresh selector on the next render.
  await page.evaluate(() => document.getElementById('asset-selector')!.replaceChildren());
  await page.getByRole('button', { name: 'Open Asset Selector' }).click();
  await expect(dialog).toHaveAttribute('open', '');
  await expect(s.cells.first()).toBeVisible();
  expect(await page.locator('#asset-selector > *').count()).toBe(1);
  expect(errors).toEqual([]);
});

test('a page fetches the largest rendition with the bearer token and shows it; filterSchema is the filter panel', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/demo/adobe-compat/rendition.html');
  const s = selector(page);
  // The page's schema replaced the default panel: its headers and labels, and image/* filters images.
  const fileType = s.root.getByRole('group', { name: 'File Type' });
  await expect(fileType.getByRole('checkbox', { name: 'Images' })).toBeVisible();
  await expect(s.root.getByRole('group', { name: 'Keywords' })).toHaveCount(0);
  const filtered = page.waitForRequest((r) => r.url().endsWith('/adobe/assets/search') && (r.postData() ?? '').includes('image/png'));
  await fileType.getByRole('checkbox', { name: 'Images' }).check();
  expect((await filtered).postData()).toContain('image/jpeg');
  await expect(s.root.getByRole('gridcell', { name: /kite flight/i })).toHaveCount(0);

  await s.searchbox.fill('rowing');
  await s.cell('Rowing boats at sunset').click();
  await s.selectButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Inserted' })).toHaveText(/Inserted Rowing boats at sunset \(\d+ × \d+\)/);
  const inserted = await page.evaluate(() => (window as unknown as { inserted: Record<string, number | string> }).inserted);
  // Restricted to the marketing role: only the page's own fetch with the token got it; its pixels decode at the size the rendition states.
  expect(inserted.naturalWidth).toBe(inserted.width);
  expect(inserted.naturalHeight).toBe(inserted.height);
  expect(Number(inserted.width)).toBeGreaterThan(1000);
  expect((await page.request.get(String(inserted.href))).status()).toBe(404);
  expect(errors).toEqual([]);
});

test('a rail page: cards drag onto the page, and the drop reads collectionviewdata', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/demo/adobe-compat/rail.html');
  await expect.poll(() => page.evaluate(() => (window as unknown as { railReady?: boolean }).railReady)).toBe(true);
  const s = selector(page);
  const card = s.cell('Kite over the hills');
  await expect(card).toHaveAttribute('draggable', 'true');
  // One card per row: the rail is a narrow vertical strip.
  const [first, second] = await Promise.all([s.cells.nth(0).boundingBox(), s.cells.nth(1).boundingBox()]);
  expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
  expect(Math.abs(second!.x - first!.x)).toBeLessThan(2);

  await card.dragTo(page.locator('#drop-target'));
  await expect(page.getByRole('list', { name: 'Dropped assets' }).getByRole('listitem')).toHaveText(['kite.jpg']);
  const dropped = await page.evaluate(() => (window as unknown as { droppedAssets: AdobeAsset[] }).droppedAssets);
  expect(dropped[0]).toMatchObject({ name: 'kite.jpg', 'aem:formatName': 'jpeg' });
  expect((dropped[0]!._links[RENDITION] as unknown[]).length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('with nothing configured, the container says what to configure; the destination selector lists folders', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/demo/adobe-compat/config.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto('/demo/adobe-compat/rail.html');
  const alert = page.locator('#asset-selector').getByRole('alert');
  await expect(alert).toContainText('No repository is configured');
  await expect(alert).toContainText('window.assetSelectorCompat = { repository, token }');
  await expect(page.getByRole('region', { name: 'Asset selector' })).toHaveCount(0);

  // Configured later, the next render shows the selector in its place.
  await page.evaluate((origin) => {
    const w = window as unknown as { PureJSSelectors: { configure(c: object): void; renderAssetSelector(el: Element, props: object): void } };
    w.PureJSSelectors.configure({ repository: origin });
    w.PureJSSelectors.renderAssetSelector(document.getElementById('asset-selector')!, { rail: true });
  }, new URL(page.url()).origin);
  await expect(selector(page).cells.first()).toBeVisible();
  await expect(alert).toHaveCount(0);

  // selectedAssets preselects by id, in place of the selector rendered there.
  await page.evaluate(() => {
    const w = window as unknown as { PureJSSelectors: { renderAssetSelector(el: Element, props: object): void } };
    w.PureJSSelectors.renderAssetSelector(document.getElementById('asset-selector')!, {
      selectionType: 'multiple',
      selectedAssets: [{ id: 'urn:aaid:aem:4d570323-dee8-4b7f-8773-693c592d8a0e' }, { id: 'urn:aaid:aem:00000000-0000-4000-8000-000000000000' }],
    });
  });
  await expect(selector(page).selectButton).toHaveAccessibleName(/1/);
  await expect(selector(page).cell('Kite over the hills')).toHaveAttribute('aria-selected', 'true');

  // The destination selector lists the repository's folders (e2e/folders.spec.ts picks one); it never confirms by itself.
  const confirmed = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const w = window as unknown as { confirmed: number; PureJSSelectors: { renderDestinationSelector(el: Element, props: object, done: () => void): unknown } };
    w.confirmed = 0;
    await new Promise<void>((done) => w.PureJSSelectors.renderDestinationSelector(el, { onConfirm: () => w.confirmed++ }, done));
    return w.confirmed;
  });
  expect(confirmed).toBe(0);
  await expect(page.getByRole('region', { name: 'Folders' }).getByRole('button', { name: 'samples' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a React app on asset-selector/adobe, with its own copy of React: the component renders, handleSelection reaches the app, onClose removes it', async ({ page }) => {
  const errors = watchErrors(page);
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  // Each copy of React DOM announces itself to the devtools hook: the page's and the selector's are two.
  await page.addInitScript(() => {
    const renderers = new Map<number, unknown>();
    (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      renderers,
      supportsFiber: true,
      isDisabled: false,
      inject: (renderer: unknown) => (renderers.set(renderers.size + 1, renderer), renderers.size),
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
    };
  });
  await page.goto('/dist/demo/adobe-compat/react/');
  await page.getByRole('button', { name: 'Choose assets' }).click();
  const s = selector(page);
  await expect(s.cells.first()).toBeVisible();
  const copies = () => page.evaluate(() => (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { renderers: Map<number, unknown> } }).__REACT_DEVTOOLS_GLOBAL_HOOK__.renderers.size);
  expect(await copies()).toBe(2);
  await s.cell('Kite over the hills').click();
  await s.selectButton.click();
  await expect(page.getByRole('list', { name: 'Chosen assets' }).getByRole('listitem')).toHaveText(['kite.jpg']);
  await expect(s.root).toHaveCount(0);
  expect(await page.locator('[data-asset-selector-mount]').count()).toBe(0);
  // Again, as multiple: a new component, props applied.
  await page.getByRole('checkbox', { name: 'Multiple' }).check();
  await page.getByRole('button', { name: 'Choose assets' }).click();
  await s.cell('Kite over the hills').click();
  await s.searchbox.fill('water drop');
  await s.cell('Water drop crown').click();
  await expect(s.selectButton).toHaveAccessibleName(/2/);
  expect(errors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
