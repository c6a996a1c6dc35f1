import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { armFault, clearFaults, decodedSize, search, selector, test, type Selector } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/**
 * The modifier and smart-crop editor (issue 4) on the project's plain host page (either build), driven by
 * the accessible names DESIGN.md fixes: a button **Edit**, a region or dialog **Edit image**, the
 * labelled controls Width, Rotate, Smart crop…, a keyboard-operable **Crop** area, an image named
 * **Preview**, the URL as text, **Apply** / **Reset**. Every emitted URL is fetched and decoded.
 */

const KITE = { title: 'Kite over the hills', width: 2400, height: 1500 };
/** The kite's stable id, from the catalog's sidecar (as the emulator reads it). */
const KITE_ID = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../demo/catalog/metadata.json'), 'utf8')) as { assets: Record<string, { id: string }> }).assets['kite.jpg']!.id;

/** What the host page printed: the `SelectedAsset[]` its `onSelect` received. */
type Received = SelectedAsset;

test.describe.configure({ timeout: 45_000 });

/** The editor: a region or a dialog named "Edit image". */
function editorOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Edit image' }).or(page.getByRole('dialog', { name: 'Edit image' }));
}

/** Searches for the kite, selects it by keyboard, and opens the editor with the tray's Edit button. */
async function openEditorOnKite(page: Page, hostPage: string): Promise<{ s: Selector; editor: Locator }> {
  await page.goto(hostPage);
  const s = selector(page);
  await search(s, KITE.title, '1 asset found');
  const cell = s.cell(KITE.title);
  await cell.focus();
  await page.keyboard.press('Space');
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  const item = s.root.getByRole('region', { name: 'Selected assets' }).getByRole('listitem').filter({ hasText: KITE.title });
  await item.getByRole('button', { name: 'Edit' }).click();
  const editor = editorOf(page);
  await expect(editor).toBeVisible();
  return { s, editor };
}

/** Apply (the editor closes), then Select; returns what the plain page's onSelect printed. */
async function applyAndSelect(page: Page, s: Selector, editor: Locator): Promise<Received[]> {
  await editor.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(editor).toHaveCount(0);
  await s.selectButton.click();
  const received = page.locator('.received');
  await expect(received.getByRole('status')).toHaveText(/^onSelect received \d+ assets?$/);
  return JSON.parse((await received.locator('pre').textContent()) ?? '[]') as Received[];
}

/**
 * Chooses `option` in the control labelled `label`, whichever form it takes: a radio group, a
 * select (combobox), or a button that steps through the values (Rotate: one press is 90).
 */
async function choose(scope: Locator, label: string, option: RegExp): Promise<void> {
  const group = scope.getByRole('radiogroup', { name: label, exact: true });
  if ((await group.count()) > 0) {
    await group.getByRole('radio', { name: option }).check();
    return;
  }
  const box = scope.getByRole('combobox', { name: label, exact: true });
  if ((await box.count()) > 0) {
    const labels = await box.locator('option').allTextContents();
    const match = labels.find((text) => option.test(text.trim()));
    if (!match) throw new Error(`${label}: no option matches ${option} among ${JSON.stringify(labels)}`);
    await box.selectOption({ label: match.trim() });
    return;
  }
  const button = scope.getByRole('button', { name: label, exact: true });
  if ((await button.count()) === 1) {
    await button.click();
    return;
  }
  throw new Error(`no radio group, combobox or button named "${label}" in the editor`);
}

/**
 * The delivery URL the editor shows (…/adobe/assets/{id}/as/{seo}.{fmt}?…): the value of a
 * read-only text field, or the text of an element, whichever the editor uses.
 */
function editorUrl(editor: Locator): Promise<string> {
  return editor.evaluate((root) => {
    const pattern = /\/adobe\/assets\/\S+\/as\/\S+/;
    for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input')) {
      if (pattern.test(field.value)) return field.value.trim();
    }
    const texts = [...root.querySelectorAll<HTMLElement>('*')].filter((el) => el.children.length === 0 && pattern.test(el.textContent ?? ''));
    return texts[0]?.textContent?.trim() ?? '';
  });
}

/** `crop=Xp,Yp,Wp,Hp` → numbers in percent; the whole image when there is none. */
function parseCrop(value: string | undefined): { x: number; y: number; w: number; h: number } {
  if (!value) return { x: 0, y: 0, w: 100, h: 100 };
  const parts = value.split(',').map((part) => {
    expect(part, `crop=${value}`).toMatch(/^\d{1,3}(\.\d{1,2})?p$/);
    return Number(part.slice(0, -1));
  });
  return { x: parts[0]!, y: parts[1]!, w: parts[2]!, h: parts[3]! };
}

/** Fetches and decodes every URL an emitted asset carries (url and each srcset candidate). */
async function expectAllLoad(page: Page, asset: Received): Promise<void> {
  const urls = [asset.url, ...(asset.srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean)];
  for (const url of urls) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, url);
    expect(status, url).toBe(200);
    const decoded = await decodedSize(page, url);
    expect(decoded.width, url).toBeGreaterThan(0);
    expect(decoded.height, url).toBeGreaterThan(0);
  }
}

test('choose a smart crop and confirm: the emitted URL has smartcrop=Square and its image is square', async ({ page, hostPage }) => {
  const { s, editor } = await openEditorOnKite(page, hostPage);
  const smartCrop = editor.getByRole('radiogroup', { name: 'Smart crop' });
  await expect(smartCrop.getByRole('radio', { name: /^None\b/ })).toBeVisible();
  await smartCrop.getByRole('radio', { name: /^Square\b/ }).check();
  await expect(smartCrop.getByRole('radio', { name: /^Square\b/ })).toBeChecked();
  await expect.poll(() => editorUrl(editor)).toContain('smartcrop=Square');

  const [asset] = await applyAndSelect(page, s, editor);
  expect(asset!.title).toBe(KITE.title);
  expect(new URL(asset!.url).searchParams.get('smartcrop')).toBe('Square');
  expect(asset!.modifiers.smartcrop).toBe('Square');
  expect(asset!.modifiers.crop, 'crop and smart crop exclude each other').toBeUndefined();
  const decoded = await decodedSize(page, asset!.url);
  expect(Math.abs(decoded.width - decoded.height), `${asset!.url} decodes to ${decoded.width}×${decoded.height}`).toBeLessThanOrEqual(1);
});

test('draw a crop by keyboard alone, rotate 90, width 400: the emitted image is 400 px wide with the crop’s rotated aspect', async ({ page, hostPage }) => {
  const { s, editor } = await openEditorOnKite(page, hostPage);
  const before = new URL(await editorUrl(editor));
  const start = parseCrop(before.searchParams.get('crop') ?? undefined);

  // Keyboard only: Shift+Arrow resizes from the bottom-right corner, Arrow moves, 1 % a press.
  const crop = editor.getByLabel('Crop', { exact: true });
  await crop.focus();
  await expect(crop).toBeFocused();
  const press = async (key: string, times: number) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  await press('Shift+ArrowLeft', 20);
  await press('Shift+ArrowUp', 30);
  await press('ArrowRight', 5);
  await press('ArrowDown', 10);
  await expect.poll(() => editorUrl(editor)).toMatch(/[?&]crop=/);

  await choose(editor, 'Rotate', /\b90\b/);
  await editor.getByLabel('Width', { exact: true }).fill('400');
  await expect.poll(() => editorUrl(editor)).toContain('rotate=90');
  await expect.poll(() => editorUrl(editor)).toContain('width=400');

  const [asset] = await applyAndSelect(page, s, editor);
  const params = new URL(asset!.url).searchParams;
  expect(params.get('crop')).toMatch(/^\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p$/);
  expect(params.get('rotate')).toBe('90');
  expect(params.get('width')).toBe('400');
  expect(asset!.modifiers).toMatchObject({ crop: params.get('crop'), rotate: '90', width: '400' });
  const c = parseCrop(params.get('crop')!);
  // From a whole-image start: 20 % narrower, 30 % lower, then moved 5 % right and 10 % down.
  expect(c, `crop=${params.get('crop')} from ${JSON.stringify(start)}`).toEqual({ x: start.x + 5, y: start.y + 10, w: start.w - 20, h: start.h - 30 });

  const cropWidthPx = (c.w / 100) * KITE.width;
  const cropHeightPx = (c.h / 100) * KITE.height;
  // rotate=90 swaps the crop's sides: the output is cropHeightPx wide and cropWidthPx high, scaled to 400 wide.
  const expectedHeight = Math.round((400 * cropWidthPx) / cropHeightPx);
  const decoded = await decodedSize(page, asset!.url);
  expect(decoded.width, asset!.url).toBe(400);
  expect(Math.abs(decoded.height - expectedHeight), `${asset!.url} is ${decoded.width}×${decoded.height}, expected 400×${expectedHeight}`).toBeLessThanOrEqual(1);
});

test('a refused transform shows the server’s problem detail; after Reset and Apply every emitted URL loads', async ({ page, request, hostPage }) => {
  const { s, editor } = await openEditorOnKite(page, hostPage);
  const preview = editor.getByRole('img', { name: 'Preview', exact: true });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // A 400 problem on every delivery of this asset: the next preview request is refused.
  // (Fault paths match exactly or as a prefix ending in `*`; a `*` inside the path is literal.)
  await armFault(request, { path: `/adobe/assets/${KITE_ID}/as/*`, method: 'GET', status: 400, count: 1000 });
  try {
    const refused = page.waitForResponse((r) => r.url().includes(`/adobe/assets/${KITE_ID}/as/`) && r.status() === 400);
    await editor.getByLabel('Width', { exact: true }).fill('640');
    await refused;
    await expect(editor.getByText(/fault injected by the emulator for GET \/adobe\/assets\//)).toBeVisible();
  } finally {
    await clearFaults(request);
  }

  await editor.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => editorUrl(editor)).not.toContain('width=640');
  const assets = await applyAndSelect(page, s, editor);
  expect(assets).toHaveLength(1);
  for (const asset of assets) await expectAllLoad(page, asset);
});

test('the Preview shows the changed width, with its pixel size and format under it', async ({ page, hostPage }) => {
  const { editor } = await openEditorOnKite(page, hostPage);
  const preview = editor.getByRole('img', { name: 'Preview', exact: true });
  await expect(preview).toBeVisible();

  const delivered = page.waitForResponse((r) => r.url().includes(`/adobe/assets/${KITE_ID}/as/`) && new URL(r.url()).searchParams.get('width') === '320' && r.status() === 200);
  await editor.getByLabel('Width', { exact: true }).fill('320');
  const contentType = (await (await delivered).headerValue('content-type')) ?? '';
  const subtype = contentType.replace(/^image\//, '').split(';')[0]!.trim();

  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 10_000 }).toBe(320);
  // A public image's preview is its delivery URL (no blob:, which a strict CSP's img-src would block).
  expect(new URL((await preview.getAttribute('src'))!).searchParams.get('width')).toBe('320');
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(Math.round((320 * KITE.height) / KITE.width));

  // Under the image: the output's pixel size and its format (from Content-Type).
  const size = editor.getByText(/\b320\s*[×x]\s*200\b/).first();
  await expect(size).toBeVisible();
  const format = subtype === 'jpeg' ? /jpe?g/i : new RegExp(subtype, 'i');
  await expect(editor).toContainText(format);
  const imageBox = (await preview.boundingBox())!;
  const sizeBox = (await size.boundingBox())!;
  expect(sizeBox.y, 'the size text is under the preview').toBeGreaterThanOrEqual(imageBox.y + imageBox.height - 1);
});
