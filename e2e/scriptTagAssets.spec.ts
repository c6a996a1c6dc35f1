import { expect, test } from '@playwright/test';

test('the script-tag build fetches German messages beside the script and shows no English first', async ({ page }) => {
  const catalogRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/i18n/')) catalogRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('/demo/vanilla/');
  const seen = await page.evaluate(async () => {
    const host = document.createElement('div');
    host.style.height = '600px';
    document.body.append(host);
    const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): { unmount(): void } } }).AssetSelector;
    api.mount(host, { repository: location.origin, locale: 'de-DE' });
    const mounted = host.querySelector<HTMLElement>('[data-asset-selector-mount]')!;
    const shadow = mounted.shadowRoot!;
    // Every frame until it is drawn (not before its messages are here): it must never show English names.
    const names: string[] = [];
    for (let i = 0; i < 300 && !shadow.querySelector('input[type="search"]'); i++) await new Promise(requestAnimationFrame);
    // The first frame it is drawn in: the search field's label and placeholder are already German.
    const input = shadow.querySelector<HTMLInputElement>('input[type="search"]');
    names.push(input?.labels?.[0]?.textContent ?? '(none)', input?.placeholder ?? '(none)');
    return { visibility: getComputedStyle(mounted).visibility, names };
  });
  expect(seen.visibility).toBe('visible');
  expect(seen.names).toEqual(['Assets durchsuchen', 'Assets durchsuchen']);
  await expect(page.getByRole('searchbox', { name: 'Assets durchsuchen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Asset-Auswahl' })).toBeVisible();
  expect(catalogRequests).toEqual(['/dist/i18n/de.json']);
});

test('the script loads its stylesheet as it runs: a selector mounted once it has arrived is styled in its first frame, with no link of its own', async ({ page }) => {
  const sheets: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/dist/asset-selector.css') sheets.push(request.url());
  });
  // A page with the script and nothing mounted (served from the emulator's origin, beside the script).
  await page.route('**/script-only.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><script src="/dist/asset-selector.iife.js"></script></head><body></body></html>' }),
  );
  await page.goto('/script-only.html');
  await expect.poll(() => sheets.length).toBe(1);
  // Once loaded, the link that fetched it (media "not all": it applied to nothing) is gone again.
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('link').length)).toBe(0);
  const seen = await page.evaluate(async () => {
    const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): { unmount(): void } } }).AssetSelector;
    const host = document.createElement('div');
    host.style.height = '600px';
    document.body.append(host);
    api.mount(host, { repository: location.origin });
    const mounted = host.querySelector<HTMLElement>('[data-asset-selector-mount]')!;
    const shadow = mounted.shadowRoot!;
    // In the task that mounts it: drawn, no link to wait for, the rules already adopted.
    const rules = shadow.adoptedStyleSheets.reduce((n, sheet) => n + sheet.cssRules.length, 0);
    const drawn = shadow.querySelector('section[aria-label="Asset selector"]') !== null;
    const links = shadow.querySelectorAll('link').length;
    await new Promise(requestAnimationFrame);
    const root = shadow.querySelector('.as-root');
    return { drawn, links, rules, fontSize: root && getComputedStyle(root).fontSize };
  });
  expect(seen).toMatchObject({ drawn: true, links: 0, fontSize: '13px' });
  expect(seen.rules).toBeGreaterThan(50);
  expect(sheets).toHaveLength(1);
});

test('a selector mounted again before the page was idle is styled in its first frame too: it learns the rules then', async ({ page }) => {
  // No idle time ever: the rules are not learned in the background.
  await page.addInitScript(() => ((window as unknown as { requestIdleCallback: () => number }).requestIdleCallback = () => 0));
  await page.goto('/demo/vanilla/');
  const seen = await page.evaluate(async () => {
    const w = window as unknown as { picker: { unmount(): void }; AssetSelector: { mount(el: Element, o: object): { unmount(): void } } };
    const pages = document.querySelector<HTMLElement>('[data-asset-selector-mount]')!;
    for (let i = 0; i < 300 && !pages.shadowRoot!.querySelector('.as-root'); i++) await new Promise(requestAnimationFrame);
    // Gone (with the link its sheet came through, if it had to link one).
    w.picker.unmount();
    const host = document.querySelector('#picker')!;
    w.AssetSelector.mount(host, { repository: location.origin });
    const mounted = host.querySelector<HTMLElement>('[data-asset-selector-mount]')!;
    const shadow = mounted.shadowRoot!;
    const rules = shadow.adoptedStyleSheets.reduce((n, sheet) => n + sheet.cssRules.length, 0);
    const links = shadow.querySelectorAll('link[data-asset-selector]').length;
    const root = shadow.querySelector('.as-root');
    return { drawn: root !== null, links, rules, fontSize: root && getComputedStyle(root).fontSize };
  });
  expect(seen).toMatchObject({ drawn: true, links: 0, fontSize: '13px' });
  expect(seen.rules).toBeGreaterThan(50);
});

test('while its stylesheet loads, the first selector is not laid out: its grid asks for no screenful of thumbnails at unstyled sizes', async ({ page }) => {
  // The stylesheet arrives only after the first results have (a slow CDN, a busy page).
  let searched!: () => void;
  const searchAnswered = new Promise<void>((done) => (searched = done));
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/adobe/assets/search') searched();
  });
  let sheetSentAt = Infinity;
  await page.route('**/dist/asset-selector.css', async (route) => {
    await searchAnswered;
    await new Promise((done) => setTimeout(done, 500));
    const response = await route.fetch();
    sheetSentAt = Date.now();
    await route.fulfill({ response });
  });
  const thumbnails: Array<{ at: number; width: string | null }> = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.includes('/as/')) thumbnails.push({ at: Date.now(), width: url.searchParams.get('width') });
  });
  await page.goto('/demo/vanilla/');
  const grid = page.getByRole('grid', { name: 'Assets' });
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
  await expect(grid.locator('img').first()).toHaveJSProperty('complete', true);
  expect(thumbnails.length).toBeGreaterThan(1);
  // Laid out unstyled (hidden, but laid out), the grid asked for 23 thumbnails before the sheet came;
  // hidden and not laid out, it rendered what a grid of no size does, its first cell. Now it is not
  // drawn at all until it is styled.
  expect(thumbnails.filter((t) => t.at < sheetSentAt).length).toBeLessThanOrEqual(1);
  // One width for the whole first screen: the styled cards'.
  expect(new Set(thumbnails.map((t) => t.width)).size).toBe(1);
});
