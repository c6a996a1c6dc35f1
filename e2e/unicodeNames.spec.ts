import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import sharp from 'sharp';
import type { SelectedAsset } from '../src/core/types.ts';
import { decodedSize, search, selector, test } from './selectorHelpers.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `--catalog` with names in other scripts and with spaces. This spec runs its own emulator over
 * such a folder, on a free port, and loads the pages that emulator serves: the plain host page
 * uses `location.origin` as its repository.
 */
let dir: string;
let child: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unicode-e2e-'));
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } }).jpeg().toFile(join(dir, 'Müller.jpg'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c1121f' } }).jpeg().toFile(join(dir, '東京.jpg'));
  await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 120, g: 80, b: 40, alpha: 0.5 } } }).png().toFile(join(dir, 'café au lait.png'));
  await copyFile(join(ROOT, 'demo/catalog/kite-flight.mp4'), join(dir, 'kite flight.mp4'));
  await copyFile(join(ROOT, 'demo/catalog/brand-guidelines.pdf'), join(dir, 'brand guide.pdf'));
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'demo/emulator/cli.ts'), '--port', '0', '--quiet', '--catalog', dir, '--cache-dir', join(dir, '.cache'), '--data', join(dir, '.data')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  origin = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Open (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (url) done(url);
    });
    child.once('exit', (code) => fail(new Error(`the emulator exited with ${code}: ${out}`)));
  });
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
  await rm(dir, { recursive: true, force: true });
});

test('a person finds Müller on the plain page, selects it, and the emitted URL loads as an image', async ({ page, hostPage }) => {
  await page.goto(`${origin}${hostPage}`);
  const s = selector(page);
  await search(s, 'Müller', '1 asset found');
  const cell = s.cell('Müller');
  // The thumbnail (decorative: the cell is named by its title), built with the non-ASCII SEO name, decoded in the grid.
  const thumbnail = cell.locator('img');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain('/as/M%C3%BCller.');

  await cell.click();
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  await s.selectButton.click();
  const received = page.locator('.received');
  await expect(received.getByRole('status')).toHaveText('onSelect received 1 asset');
  const [asset] = JSON.parse((await received.locator('pre').textContent()) ?? '[]') as SelectedAsset[];
  expect(asset!.name).toBe('Müller.jpg');
  expect(asset!.url).toContain('/as/M%C3%BCller.');
  expect(await decodedSize(page, asset!.url)).toMatchObject({ width: 640, height: 480 });
  expect((await page.request.get(asset!.originalUrl)).status()).toBe(200);
  const preview = received.getByRole('img');
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('the landing page shows 東京 and café au lait, and its video and document links open', async ({ page, build }) => {
  test.skip(build !== 'script-tag', 'the emulator’s own page: once is enough');
  await page.goto(`${origin}/`);
  await expect(page.getByRole('status')).toHaveText('5 assets found');
  const results = page.getByRole('list', { name: 'Assets' });
  for (const title of ['東京', 'Café au lait']) {
    const image = results.getByRole('img', { name: title });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  const documentHref = await results.getByRole('link', { name: /Open document/ }).getAttribute('href');
  const documentResponse = await page.request.get(new URL(documentHref!, origin).href);
  expect(documentResponse.status()).toBe(200);
  expect(documentResponse.headers()['content-type']).toBe('application/pdf');

  await results.getByRole('link', { name: /Play video/ }).click();
  const video = page.locator('video');
  // The original, or the HLS stream where the browser plays HLS natively (the original is its fallback).
  await expect(video.locator('source').last()).toHaveAttribute('src', /\/original\/as\/kite-flight\.mp4$/);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/\/(original\/as\/kite-flight\.mp4|manifest\.m3u8)$/);
  // The browser read the video's header: it has a duration and a size.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 1 && v.videoWidth)).toBeGreaterThan(0);
});
