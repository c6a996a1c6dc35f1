import { expect, test, type Page } from '@playwright/test';
import { remountPicker, search, selector } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

const TOKEN = 'dev-token-marketing';

/** Every attribute, text and form value of the page, open shadow roots included. */
function everythingShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) found.push(node.nodeValue ?? '');
      if (node instanceof Element) {
        for (const attribute of node.attributes) found.push(`${attribute.name}=${attribute.value}`);
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) found.push(node.value);
        if (node.shadowRoot) visit(node.shadowRoot);
      }
      for (const child of node.childNodes) visit(child);
    };
    visit(document);
    for (const storage of [localStorage, sessionStorage]) for (let i = 0; i < storage.length; i++) found.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    found.push(document.cookie);
    return found;
  });
}

test('a token with the marketing role sees evening-glow: its thumbnail decodes, and the emitted URL needs the token', async ({ page }) => {
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => consoleLines.push(message.text()));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/demo/vanilla/');
  // The host mounts the selector with its user's token.
  await remountPicker(page, { token: TOKEN });

  const s = selector(page);
  await search(s, 'Rowing boats', '1 asset found');
  const cell = s.cell('Rowing boats at sunset');
  const thumbnail = cell.locator('img');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
  expect(await thumbnail.getAttribute('data-delivery')).toBe('authorized');

  await cell.click();
  await s.selectButton.click();
  const [asset] = await page.evaluate(() => (window as unknown as { received: SelectedAsset[] }).received);
  expect(asset).toMatchObject({ title: 'Rowing boats at sunset', kind: 'image', requiresAuthorization: true });
  expect(JSON.stringify(asset)).not.toContain(TOKEN);

  // What the host does with it: its own fetch with the token gets the image; without, a 404.
  const fetched = await page.evaluate(
    async ({ url, token }) => {
      const authorized = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const blob = await authorized.blob();
      const bitmap = await createImageBitmap(blob);
      const anonymous = await fetch(url);
      return { status: authorized.status, type: blob.type, width: bitmap.width, height: bitmap.height, anonymous: anonymous.status };
    },
    { url: asset!.url, token: TOKEN },
  );
  expect(fetched).toMatchObject({ status: 200, type: expect.stringMatching(/^image\//), anonymous: 404 });
  expect(fetched.width).toBe(Math.min(asset!.width!, 2048));

  // The token is in no URL the selector requested, nowhere in the page, and in no console line.
  const shown = await everythingShown(page);
  expect(shown.filter((text) => text.includes(TOKEN))).toEqual([]);
  expect(consoleLines.filter((line) => line.includes(TOKEN))).toEqual([]);
  expect(requested.filter((url) => url.includes(TOKEN))).toEqual([]);
  expect(requested.some((url) => url.includes(`/adobe/assets/${asset!.assetId}/as/`))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the editor previews a restricted image with the token', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto('/demo/vanilla/');
  await remountPicker(page, { token: TOKEN });
  const s = selector(page);
  await search(s, 'Rowing boats', '1 asset found');
  await s.cell('Rowing boats at sunset').click();
  await s.root.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Edit' }).click();
  const editor = s.root.getByRole('region', { name: 'Edit image' });
  const preview = editor.getByRole('img', { name: 'Preview' });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // Every image the editor shows (backdrop, smart-crop swatches, preview) decoded.
  await expect(editor.locator('img')).toHaveCount(6);
  for (const img of await editor.locator('img').all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
  }
  expect(pageErrors).toEqual([]);
});

test('<asset-selector> with an invalid attribute: one error event, the error shown inside it, no uncaught error; fixing it brings the selector', async ({ page, baseURL }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>invalid attribute</title>
<script src="/dist/asset-selector.iife.js"></script>
<script>
  window.reported = [];
  // Capture: the element's error event does not bubble, and fires while the parser inserts it.
  document.addEventListener('error', (event) => {
    if (event.target.localName === 'asset-selector') window.reported.push(event.detail.error.message);
  }, true);
</script></head>
<body><asset-selector repository="${baseURL}" selection-type="many" style="display:block;height:600px"></asset-selector></body></html>`;
  await page.route('**/e2e/invalid-attribute.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('/e2e/invalid-attribute.html');

  const element = page.locator('asset-selector');
  const alert = element.getByRole('alert');
  await expect(alert).toContainText('The asset selector cannot be shown');
  await expect(alert).toContainText('The attribute “selection-type” has a value the selector does not accept.');
  await expect(alert).toContainText('"selectionType" must be one of');
  expect(await page.evaluate(() => (window as unknown as { reported: string[] }).reported)).toEqual([expect.stringMatching(/"selectionType"/)]);
  await expect(selector(page).root).toHaveCount(0);

  await element.evaluate((el) => el.setAttribute('selection-type', 'multiple'));
  const s = selector(page);
  await expect(s.root).toBeVisible();
  await expect(alert).toBeHidden();
  await search(s, 'Kite over the hills', '1 asset found');
  expect(await page.evaluate(() => (window as unknown as { reported: string[] }).reported)).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});
