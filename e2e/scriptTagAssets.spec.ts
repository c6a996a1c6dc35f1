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
    // Every frame until it is shown: it must never be visible with English names.
    const names: string[] = [];
    for (let i = 0; i < 300 && getComputedStyle(mounted).visibility === 'hidden'; i++) await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120 && !shadow.querySelector('input[type="search"]'); i++) await new Promise(requestAnimationFrame);
    // The first frame it is visible in: the search field's label and placeholder are already German.
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
