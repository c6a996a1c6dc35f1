import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

let open: TestEmulator;
let secured: TestEmulator;
beforeAll(async () => {
  [open, secured] = await Promise.all([startTestEmulator(), startTestEmulator({ requireAuth: true })]);
});
afterAll(() => Promise.all([open.close(), secured.close()]));

/** Catalog binaries reach clients only through the delivery API, which hides what must stay hidden. */
const NEVER_SERVED = [
  '/demo/catalog/storm.jpg', // rejected
  '/demo/catalog/evening-glow.jpg', // restricted to marketing
  '/demo/catalog/kite.jpg', // approved, but only through delivery
  '/demo/catalog/metadata.json',
  '/demo/catalog/LICENSES.md',
  '/demo/catalog/',
  '/demo/emulator/server.ts',
  '/demo/react/App.tsx',
  '/demo/',
  '/package.json',
];

describe('static files: the landing page, the host pages and the built bundles, nothing else', () => {
  it.each(NEVER_SERVED)('%s is a 404, with and without --require-auth', async (path) => {
    for (const e of [open, secured]) {
      const response = await e.fetch(path, { headers: { Authorization: 'Bearer dev-token-all' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('serves the landing page and the demo host pages with what they load', async () => {
    for (const e of [open, secured]) {
      const landing = await e.fetch('/');
      expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await landing.text()).toContain('Asset Selector');
      expect((await e.fetch('/emulator.js')).status).toBe(200);
      for (const page of ['/demo/vanilla/', '/demo/custom-element/']) {
        const response = await e.fetch(page);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('/dist/asset-selector.iife.js');
      }
      expect((await e.fetch('/demo/common/hostPage.css')).headers.get('content-type')).toMatch(/^text\/css/);
      expect((await e.fetch('/demo/common/receivedAssets.js')).status).toBe(200);
      const folder = await e.fetch('/demo/vanilla', { redirect: 'manual' });
      expect(folder.status).toBe(301);
      expect(folder.headers.get('location')).toBe('/demo/vanilla/');
    }
  });

  it('refuses to leave its folders', async () => {
    expect((await open.rawGet('/demo/%2e%2e/package.json')).status).toBe(400);
    expect((await open.rawGet('/demo/vanilla/../../demo/catalog/storm.jpg')).status).toBe(400);
    expect((await open.rawGet('/dist/..%2fdemo/catalog/storm.jpg')).status).toBe(400);
    expect((await open.rawGet('/..%2fpackage.json')).status).toBe(400);
  });
});
