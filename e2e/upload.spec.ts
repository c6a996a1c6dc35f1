import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import { expect, type Locator, type Page } from '@playwright/test';
import { decodedSize, remountPicker, search, selector, test, type Selector } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/**
 * The `upload` option on both builds, against the emulator's Assets HTTP API: files dropped on the
 * results (a real DataTransfer, as a drag from the desktop delivers it) or chosen with Upload go
 * up with progress, are approved, show in the results and are emitted like any asset, delivering
 * the uploaded pixels. The emulator's store is shared by the whole run: each test uploads into a
 * folder of its own, under names no other spec searches for, and deletes that folder at the end,
 * so no other spec's counts change.
 */

const TOKEN = 'dev-token-editor';
const EDITOR = { Authorization: `Bearer ${TOKEN}` };
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const folders: string[] = [];

test.afterEach(async ({ request }) => {
  for (const folder of folders.splice(0)) {
    const response = await request.delete(`/api/assets/${folder}`, { headers: EDITOR });
    expect([200, 404]).toContain(response.status());
  }
});

/** A folder and a search word for one test of one project: unique in the run. */
function scope(testName: string, project: string) {
  const word = `zq${run}${testName}${project === 'script-tag' ? 's' : 'r'}`;
  folders.push(`e2e-${word}`);
  return { folder: `/content/dam/e2e-${word}`, apiFolder: `e2e-${word}`, word };
}

/** A solid-colour image, encoded with sharp. */
async function solid(width: number, height: number, rgb: [number, number, number], format: 'png' | 'jpeg' = 'png'): Promise<number[]> {
  const [r, g, b] = rgb;
  return [...(await sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).toFormat(format).toBuffer())];
}

interface FileSpec {
  name: string;
  type: string;
  bytes: number[];
}

/** Replaces the host page's selector by one that uploads into `folder`, keeping what onSelect receives. */
async function mountUploader(page: Page, folder: string, approve = true): Promise<Selector> {
  // PNG: the delivered pixels compare exactly, and no AVIF encode slows the run.
  await remountPicker(page, { token: TOKEN, selectionType: 'multiple', imageFormat: 'png', upload: { folder, approve } });
  const s = selector(page);
  await expect(s.status).toHaveText(/assets? found/);
  // Upload and the drop zone come with a part of their own (ui/upload/UploadControls.tsx), loaded as the selector mounts.
  await expect(s.root.getByRole('button', { name: 'Upload', exact: true })).toBeVisible();
  return s;
}

/** Drags `files` over the results and drops them there, as the browser does for files from the desktop. */
async function dropFiles(s: Selector, files: FileSpec[], { checkTarget = false } = {}): Promise<void> {
  const results = s.root.locator('.as-results');
  const dataTransfer = await s.root.page().evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) transfer.items.add(new File([new Uint8Array(spec.bytes)], spec.name, { type: spec.type }));
    return transfer;
  }, files);
  await results.dispatchEvent('dragenter', { dataTransfer });
  await results.dispatchEvent('dragover', { dataTransfer });
  if (checkTarget) {
    // A visible drop target, its words in a live region.
    const target = s.root.getByText('Drop the files here to upload them');
    await expect(target).toBeVisible();
    expect(await target.getAttribute('aria-live')).toBe('polite');
  }
  await results.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

const uploads = (s: Selector) => s.root.getByRole('region', { name: 'Uploads' });
const row = (s: Selector, name: string): Locator => uploads(s).getByRole('listitem', { name });

/** The average colour of a delivered image, decoded by the browser. */
function meanColour(page: Page, url: string): Promise<[number, number, number]> {
  return page.evaluate(async (src) => {
    const bitmap = await createImageBitmap(await (await fetch(src)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
    const n = data.length / 4;
    return sum.map((v) => Math.round(v / n)) as [number, number, number];
  }, url);
}

test('drop two images: progress to 100 %, approved, found by name, selected, and the emitted URLs deliver their pixels', async ({ page, hostPage }, info) => {
  // Uploads, approval (smart crops computed from the binaries), axe and four delivered images: more than the default 30 s on a busy machine.
  test.slow();
  const requested: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto(hostPage);
  const { folder, word } = scope('drop', info.project.name);
  const s = await mountUploader(page, folder);
  const red = { name: `${word}-red.png`, type: 'image/png', bytes: await solid(320, 200, [200, 30, 40]) };
  const blue = { name: `${word}-blue.jpg`, type: 'image/jpeg', bytes: await solid(180, 260, [30, 60, 210], 'jpeg') };

  await dropFiles(s, [red, blue], { checkTarget: true });
  for (const file of [red, blue]) {
    await expect(row(s, file.name).getByText('Uploaded and approved: it is in the results')).toBeVisible();
    await expect(uploads(s).getByRole('progressbar', { name: file.name })).toHaveAttribute('aria-valuenow', '100');
  }
  // Told politely, not only shown.
  await expect(uploads(s).locator('[aria-live="polite"]')).toContainText(/Uploaded and approved/);
  const { violations } = await new AxeBuilder({ page }).include({ fromShadowDom: ['#picker [data-asset-selector-mount]', '.as-uploads'] }).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);

  await search(s, word, '2 assets found');
  await s.cell(/red/i).click();
  await s.cell(/blue/i).click();
  await s.selectButton.click();
  const received = await page.evaluate(() => (window as unknown as { received: SelectedAsset[] }).received);
  expect(received.map((a) => [a.name, a.width, a.height])).toEqual(
    expect.arrayContaining([
      [red.name, 320, 200],
      [blue.name, 180, 260],
    ]),
  );
  for (const asset of received) {
    const expected = asset.name === red.name ? { width: 320, height: 200, rgb: [200, 30, 40] } : { width: 180, height: 260, rgb: [30, 60, 210] };
    expect(await decodedSize(page, asset.url)).toMatchObject({ width: expected.width, height: expected.height });
    const mean = await meanColour(page, asset.url);
    mean.forEach((value, i) => expect(Math.abs(value - expected.rgb[i]!), `${asset.name} channel ${i}: ${mean}`).toBeLessThanOrEqual(4));
  }
  // The token went as a header only: in no URL, no console line, nowhere in the selector's markup.
  expect(requested.filter((url) => url.includes(TOKEN))).toEqual([]);
  expect(consoleLines.filter((line) => line.includes(TOKEN))).toEqual([]);
  expect(await s.root.evaluate((root) => root.outerHTML.includes('dev-token'))).toBe(false);
});

test('a name taken: Rename uploads a second asset as name-1; Cancel leaves nothing behind', async ({ page, hostPage }, info) => {
  await page.goto(hostPage);
  const { folder, apiFolder, word } = scope('clash', info.project.name);
  const s = await mountUploader(page, folder);
  const file = { name: `${word}.png`, type: 'image/png', bytes: await solid(64, 64, [20, 160, 60]) };
  await dropFiles(s, [file]);
  await expect(row(s, file.name).getByText('Uploaded and approved: it is in the results')).toBeVisible();

  await dropFiles(s, [file]);
  const conflict = uploads(s).locator('li').getByText(`An asset named ${file.name} already exists: rename this one or replace that one`);
  await expect(conflict).toBeVisible();
  await uploads(s).getByRole('button', { name: 'Rename' }).click();
  await expect(row(s, `${word}-1.png`).getByText('Uploaded and approved: it is in the results')).toBeVisible();
  await search(s, word, '2 assets found');

  // Cancel: the upload is held in flight (the request routed, not answered) until Cancel is pressed.
  const late = { name: `${word}-late.png`, type: 'image/png', bytes: await solid(48, 48, [250, 250, 0]) };
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  let passedOn: Promise<void> | undefined;
  await page.route(`**/api/assets/${apiFolder}/${late.name}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    arrived();
    await held;
    await (passedOn = route.continue().catch(() => {}));
  });
  const aborted = page.waitForEvent('requestfailed', (request) => request.method() === 'POST' && new URL(request.url()).pathname.endsWith(`/api/assets/${apiFolder}/${late.name}`));
  await dropFiles(s, [late]);
  const lateRow = row(s, late.name);
  await expect(lateRow.getByText(/^(Uploading|Checking the file)/)).toBeVisible();
  await inFlight;
  await lateRow.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(lateRow.getByText('Cancelled')).toBeVisible();
  // Let go of the held request only once Chromium has aborted it: released as soon as the page
  // says Cancelled, Playwright could still pass it on before the abort was processed (one CI run
  // in many), and the emulator made the asset.
  await aborted;
  release();
  await expect.poll(() => passedOn !== undefined).toBe(true);
  await passedOn;
  await expect(lateRow.getByRole('button', { name: 'Cancel upload' })).toHaveCount(0);
  const after = await page.request.get(`/api/assets/${apiFolder}/${late.name}.json`, { headers: EDITOR });
  expect(after.status()).toBe(404);
  await page.unroute(`**/api/assets/${apiFolder}/${late.name}`);
});

test('wrong type: a text file named .jpg, and a text file chosen with Upload; the repository says why, as text', async ({ page, hostPage }, info) => {
  await page.goto(hostPage);
  const { folder, word } = scope('type', info.project.name);
  const s = await mountUploader(page, folder, false);
  const fake = { name: `${word}-fake.jpg`, type: 'image/jpeg', bytes: [...Buffer.from('this is not a picture <b>at all</b>')] };
  await dropFiles(s, [fake]);
  const fakeRow = row(s, fake.name);
  await expect(fakeRow.getByText(/^Wrong type: /)).toBeVisible();
  await expect(fakeRow.getByText(/^Content-Type: /)).toBeVisible();
  await expect(fakeRow.getByRole('button', { name: 'Retry' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await s.root.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles([{ name: `${word}-notes.txt`, mimeType: 'text/plain', buffer: Buffer.from('plain text') }]);
  const textRow = row(s, `${word}-notes.txt`);
  await expect(textRow.getByText(/^Wrong type: /)).toBeVisible();
  await expect(textRow.getByText(/text\/plain is not a type the repository takes/)).toBeVisible();

  // Without `approve`, a good file waits for approval and says it cannot be selected yet.
  const photo = { name: `${word}-photo.png`, type: 'image/png', bytes: await solid(40, 30, [90, 90, 90]) };
  await dropFiles(s, [photo]);
  await expect(row(s, photo.name).getByText('Waiting for approval: it can be selected once approved')).toBeVisible();
  // The tray lists it as waiting, with nothing to choose.
  const waiting = s.root.getByRole('region', { name: 'Selected assets' }).getByRole('listitem').filter({ hasText: photo.name });
  await expect(waiting).toContainText('Waiting for approval');
  await expect(waiting.getByRole('button')).toHaveCount(0);
  await search(s, word, '0 assets found');
});
