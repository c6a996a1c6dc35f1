import { expect, type Locator, type Page } from '@playwright/test';
import { search, selector, test } from './selectorHelpers.ts';

/**
 * The script-tag build's editors are a second script, `asset-selector.editors.js`, loaded on first
 * use (src/scriptTag/lazyParts.ts) and sharing the main script's Preact, store and translator.
 * Script-tag only: the ESM build's editors are chunks (the react-esm project ignores this file).
 */
const EDITORS = '**/dist/asset-selector.editors.js';

/** Every request the page makes for the editors' script, as it happens. */
function editorsRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/asset-selector.editors.js')) seen.push(request.url());
  });
  return seen;
}

async function openAdvanced(root: Locator): Promise<void> {
  await root.getByRole('button', { name: 'Advanced', exact: true }).click();
  await root.getByRole('button', { name: 'Add condition' }).click();
  await expect(root.getByRole('combobox', { name: /field/i }).first()).toBeVisible();
}

/** Selects the first image and opens the editor from the tray; the editor's Width field shows. */
async function openEditor(root: Locator): Promise<void> {
  const image = root.locator('[role="gridcell"][data-kind="image"]').first();
  await image.click();
  await expect(image).toHaveAttribute('aria-selected', 'true');
  await root.getByRole('region', { name: 'Selected assets' }).getByRole('button', { name: 'Edit' }).first().click();
  await expect(root.getByRole('region', { name: 'Edit image' })).toBeVisible();
  await expect(root.getByRole('spinbutton', { name: 'Width' })).toBeVisible();
}

test('the editors’ script is not requested until an editor opens, then once for both editors', async ({ page }) => {
  const requests = editorsRequests(page);
  await page.goto('/demo/vanilla/');
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  // Browse: search, select, the details panel: no editor yet.
  await search(s, 'kite', /^\d+ assets? found$/);
  await s.cells.first().click();
  await expect(s.root.getByRole('region', { name: 'Details' })).toBeVisible();
  expect(requests).toEqual([]);
  expect(await page.locator('script[src$="asset-selector.editors.js"]').count()).toBe(0);

  await openAdvanced(s.root);
  expect(requests).toHaveLength(1);
  await openEditor(s.root);
  // The image editor works on the shared store: a width typed shows in its URL.
  await s.root.getByRole('spinbutton', { name: 'Width' }).fill('300');
  await expect(s.root.getByRole('textbox', { name: 'Delivery URL' })).toHaveValue(/[?&]width=300\b/);
  expect(requests).toHaveLength(1);
});

test('when the editors’ script cannot load, the editor says so with Retry, and Retry loads it', async ({ page }) => {
  const requests = editorsRequests(page);
  await page.route(EDITORS, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  await page.goto('/demo/vanilla/');
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  const image = s.root.locator('[role="gridcell"][data-kind="image"]').first();
  await image.click();
  await s.root.getByRole('region', { name: 'Selected assets' }).getByRole('button', { name: 'Edit' }).first().click();
  const failure = s.root.getByRole('alert').filter({ hasText: 'The editor could not be loaded' });
  await expect(failure).toBeVisible();
  // Retry while it still fails: a second request, the same error (nothing cached from the first).
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => requests.length).toBe(2);
  await expect(failure).toBeVisible();

  await page.unroute(EDITORS);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(s.root.getByRole('region', { name: 'Edit image' })).toBeVisible();
  await expect(s.root.getByRole('spinbutton', { name: 'Width' })).toBeVisible();
  expect(requests).toHaveLength(3);
  // The failed attempts' script elements are gone; the one that loaded stays.
  expect(await page.locator('script[src$="asset-selector.editors.js"]').count()).toBe(1);
});

test('an editors’ script from another release is refused with a clear error, not run', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => warnings.push(message.text()));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(EDITORS, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replaceAll('"0.1.0"', '"9.9.9"').replace('editors.js is version 0.1.0', 'editors.js is version 9.9.9');
    await route.fulfill({ response, body });
  });
  await page.goto('/demo/vanilla/');
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  await s.root.getByRole('button', { name: 'Advanced', exact: true }).click();
  const failure = s.root.getByRole('alert').filter({ hasText: 'The editor could not be loaded' });
  await expect(failure).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(s.root.getByRole('button', { name: 'Add condition' })).toHaveCount(0);
  // The host's onError (the plain page logs it) names both versions; nothing threw.
  await expect.poll(() => warnings.join('\n')).toContain('asset-selector.editors.js is version 9.9.9, but asset-selector.iife.js is 0.1.0');
  expect(errors).toEqual([]);
});

test('two mounted selectors and an <asset-selector> share one editors’ script', async ({ page }) => {
  const requests = editorsRequests(page);
  await page.goto('/demo/vanilla/');
  await page.evaluate(() => {
    const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): unknown } }).AssetSelector;
    const second = document.createElement('div');
    second.style.height = '800px';
    document.body.append(second);
    api.mount(second, { repository: location.origin, selectionType: 'multiple' });
    const element = document.createElement('asset-selector') as HTMLElement & { repository: string };
    element.style.cssText = 'display: block; height: 800px';
    element.setAttribute('selection-type', 'multiple');
    element.repository = location.origin;
    document.body.append(element);
  });
  const selectors = page.getByRole('region', { name: 'Asset selector' });
  await expect(selectors).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const root = selectors.nth(i);
    await expect(root.getByRole('status').filter({ hasText: /assets found/ })).toBeVisible();
    await openAdvanced(root);
    await openEditor(root);
  }
  expect(requests).toHaveLength(1);
  expect(await page.locator('script[src$="asset-selector.editors.js"]').count()).toBe(1);
});

test('under a nonce-only Content-Security-Policy the editors’ script runs with the main script’s nonce', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route('**/demo/vanilla/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replaceAll('<script', '<script nonce="e2e-nonce"');
    await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': "script-src 'nonce-e2e-nonce'" } });
  });
  await page.goto('/demo/vanilla/');
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  await openEditor(s.root);
  expect(await page.locator('script[src$="asset-selector.editors.js"]').evaluate((script: HTMLScriptElement) => script.nonce)).toBe('e2e-nonce');
  expect(violations).toEqual([]);
});

test('the repository’s parts are a script of their own: Collections loads it and not the editors’, and its failure names the part with Retry', async ({ page }) => {
  const REPOSITORY = '**/dist/asset-selector.repository.js';
  const editors = editorsRequests(page);
  const repository: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/asset-selector.repository.js')) repository.push(request.url());
  });
  await page.route(REPOSITORY, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  await page.goto('/demo/vanilla/');
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  expect(repository).toHaveLength(0);

  await s.root.getByRole('button', { name: 'Collections' }).click();
  const failure = s.root.getByRole('alert').filter({ hasText: 'This part of the selector could not be loaded' });
  await expect(failure).toBeVisible();
  expect(repository).toHaveLength(1);

  await page.unroute(REPOSITORY);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(s.root.getByRole('list', { name: 'Collections in the repository' }).getByRole('button').first()).toBeVisible();
  expect(repository).toHaveLength(2);
  // The editors' script was never asked for.
  expect(editors).toHaveLength(0);
});
