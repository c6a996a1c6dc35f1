import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assetsApi, EDITOR, expectProblem, makeImage } from './assetsApiFixture.ts';
import { archiveDone, unzip } from './archiveFixture.ts';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { ALL_HIDDEN, HIDDEN } from './searchFixture.ts';

const BASE = '/adobe/assets/archives';
const THREE = ['kite.jpg', 'aqua.jpg', 'brand-guidelines.pdf'];

/** Archives over HTTP against a real emulator: zips unzip to the stored bytes, tokens guard the downloads. */
let e: TestEmulator;
let small: TestEmulator;
beforeAll(async () => {
  [e, small] = await Promise.all([
    startTestEmulator({ limits: { archiveTokenTtlMs: 1500 } }),
    startTestEmulator({ limits: { archiveSplitBytes: 1, archiveMaxBytes: 500_000, archiveMaxItems: 5 } }),
  ]);
});
afterAll(() => Promise.all([e.close(), small.close()]));

const request = (t: TestEmulator, body: unknown, headers: Record<string, string> = {}) =>
  t.fetch(BASE, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function build(t: TestEmulator, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(t, body, headers);
  expect(response.status, await response.clone().text()).toBe(202);
  return archiveDone((path) => t.fetch(path, { headers }), response.headers.get('location')!);
}

async function download(t: TestEmulator, url: string): Promise<Buffer> {
  const response = await t.fetch(new URL(url).pathname + new URL(url).search);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  return Buffer.from(await response.arrayBuffer());
}

const original = (t: TestEmulator, name: string) => readFile(t.emulator.context.catalog.byId.get(t.idOf(name))!.file);

describe('POST /archives and its status', () => {
  it('an archive of 3 assets unzips to their original bytes', async () => {
    const response = await request(e, { items: THREE.map((name) => ({ assetId: e.idOf(name) })), format: 'zip', namePrefix: 'campaign' });
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('1');
    const accepted = await response.json();
    expect(accepted).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), format: 'zip', submittedBy: 'anonymous', submittedDate: expect.any(String) });
    expect(response.headers.get('location')).toBe(`${e.url}${BASE}/${accepted.id}/status`);
    const status = await archiveDone((path) => e.fetch(path), response.headers.get('location')!);
    expect(status).toMatchObject({ id: accepted.id, status: 'COMPLETED', warnings: [], errors: [] });
    expect(status.files).toHaveLength(1);
    expect(status.files[0]).toMatchObject({ name: 'campaign.zip', entries: 3 });
    const entries = await unzip(await download(e, status.files[0].url));
    expect([...entries.keys()].sort()).toEqual([...THREE].sort());
    for (const name of THREE) expect(entries.get(name)!.equals(await original(e, name)), name).toBe(true);
  });

  it('invalid and hidden assets become warnings, never entries; a warning does not tell hidden from unknown', async () => {
    const hidden = ALL_HIDDEN.map((name) => ({ assetId: e.idOf(name) }));
    const status = await build(e, { items: [{ assetId: e.idOf('kite.jpg') }, { assetId: 'not-an-id' }, { assetId: 'urn:aaid:aem:00000000-0000-4000-8000-000000000000' }, ...hidden, { assetId: e.idOf('kite.jpg') }] });
    expect(status.status).toBe('COMPLETED');
    const entries = await unzip(await download(e, status.files[0].url));
    expect([...entries.keys()]).toEqual(['kite.jpg']);
    const details = new Set(status.warnings.filter((w: { assetId: string }) => w.assetId !== e.idOf('kite.jpg')).map((w: { detail: string }) => w.detail));
    expect(details).toEqual(new Set(['no such asset is available; it was left out']));
    expect(status.warnings).toHaveLength(2 + ALL_HIDDEN.length + 1);
  });

  it('a token with a role archives what that role may see, and only it may poll the status', async () => {
    const marketing = { Authorization: 'Bearer dev-token-marketing' };
    const response = await request(e, { items: HIDDEN.marketing.map((name) => ({ assetId: e.idOf(name) })) }, marketing);
    const location = new URL(response.headers.get('location')!).pathname;
    await expectProblem(await e.fetch(location), 404, 'archiveId');
    await expectProblem(await e.fetch(location, { headers: { Authorization: 'Bearer dev-token-legal' } }), 404, 'archiveId');
    const status = await archiveDone((path) => e.fetch(path, { headers: marketing }), response.headers.get('location')!);
    expect([...(await unzip(await download(e, status.files[0].url))).keys()].sort()).toEqual([...HIDDEN.marketing].sort());
  });

  it('renditions: the original and custom renditions by default; include and exclude choose', async () => {
    const api = assetsApi(e, EDITOR);
    const rendition = await makeImage(40, 30, 'png');
    expect((await api.api('/samples/aqua.jpg/renditions/web-small', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: rendition })).status).toBe(201);
    const byDefault = await build(e, { items: [{ assetId: e.idOf('aqua.jpg') }] });
    const entries = await unzip(await download(e, byDefault.files[0].url));
    expect([...entries.keys()].sort()).toEqual(['aqua.jpg', 'renditions/aqua.jpg/web-small']);
    expect(entries.get('renditions/aqua.jpg/web-small')!.equals(Buffer.from(rendition))).toBe(true);
    const onlyRendition = await build(e, { items: [{ assetId: e.idOf('aqua.jpg'), renditions: { exclude: ['original'], include: ['web-small', 'nope'] } }] });
    expect([...(await unzip(await download(e, onlyRendition.files[0].url))).keys()]).toEqual(['renditions/aqua.jpg/web-small']);
    expect(onlyRendition.warnings).toEqual([{ assetId: e.idOf('aqua.jpg'), detail: expect.stringMatching(/^no rendition "nope"/) }]);
  });

  it('bad requests are a 4xx naming the field', async () => {
    await expectProblem(await request(e, { items: [] }), 400, 'items');
    await expectProblem(await request(e, {}), 400, 'items');
    await expectProblem(await request(e, { items: [{ assetId: e.idOf('kite.jpg') }], format: 'tar' }), 400, 'format');
    await expectProblem(await request(e, { items: [{}] }), 400, 'items[0].assetId');
    await expectProblem(await request(e, { items: [{ assetId: e.idOf('kite.jpg'), renditions: { include: 'original' } }] }), 400, 'items[0].renditions.include');
    await expectProblem(await request(e, { items: [{ assetId: e.idOf('kite.jpg') }], namePrefix: 3 }), 400, 'namePrefix');
    await expectProblem(await e.fetch(BASE, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '<x/>' }), 415, 'Content-Type');
    await expectProblem(await e.fetch(`${BASE}/00000000-0000-4000-8000-000000000000/status`), 404, 'archiveId');
    await expectProblem(await e.fetch(`${BASE}/x/status`), 404, 'archiveId');
  });

  it('a name prefix is a suggestion: kept to safe characters', async () => {
    const status = await build(e, { items: [{ assetId: e.idOf('kite.jpg') }], namePrefix: '../../etc/pass wd' });
    expect(status.files[0].name).toBe('etc-pass-wd.zip');
  });
});

describe('bounds', () => {
  it('a request over the split size comes in several files, each a valid zip', async () => {
    const status = await build(small, { items: THREE.map((name) => ({ assetId: small.idOf(name) })), namePrefix: 'parts' });
    expect(status.files.map((f: { name: string }) => f.name)).toEqual(['parts-1-of-3.zip', 'parts-2-of-3.zip', 'parts-3-of-3.zip']);
    const names: string[] = [];
    for (const file of status.files) {
      const entries = await unzip(await download(small, file.url));
      for (const [name, data] of entries) {
        names.push(name);
        expect(data.equals(await original(small, name))).toBe(true);
      }
    }
    expect(names.sort()).toEqual([...THREE].sort());
  });

  it('over the size cap is a 400 naming items and the cap; over the item count too', async () => {
    const video = { assetId: small.idOf('kite-flight.mp4') };
    const big = ['autumn.jpg', 'by-the-water.jpg'].map((name) => ({ assetId: small.idOf(name) }));
    const body = await expectProblem(await request(small, { items: [video, ...big] }), 400, 'items', /over the cap of 500000 bytes/);
    expect(body.detail).toMatch(/per archive/);
    await expectProblem(await request(small, { items: Array.from({ length: 6 }, () => video) }), 400, 'items', /at most 5 assets/);
  });

  it('concurrent builds are bounded: 429 with Retry-After past the limit', async () => {
    const none = await startTestEmulator({ limits: { archiveJobs: 0 } });
    try {
      const response = await request(none, { items: [{ assetId: none.idOf('kite.jpg') }] });
      await expectProblem(response, 429, 'items', /being built/);
      expect(response.headers.get('retry-after')).toBe('2');
    } finally {
      await none.close();
    }
  });
});

describe('GET /archives/{id}/files/{name}: the token', () => {
  it('401 without it, 403 forged or for another file, 403 once expired; never logged', async () => {
    const log = vi.spyOn(console, 'log');
    const logged = await startTestEmulator({ log: true, limits: { archiveTokenTtlMs: 1500 } });
    try {
      const status = await build(logged, { items: [{ assetId: logged.idOf('kite.jpg') }] });
      const url = new URL(status.files[0].url);
      const token = url.searchParams.get('token')!;
      expect(token).toMatch(/^\d+\.[\w-]{43}$/);
      expect((await logged.fetch(url.pathname + url.search)).status).toBe(200);
      await expectProblem(await logged.fetch(url.pathname), 401, 'token');
      const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
      await expectProblem(await logged.fetch(`${url.pathname}?token=${forged}`), 403, 'token', /not a valid/);
      const later = `${Number(token.split('.')[0]) + 3600}.${token.split('.')[1]}`;
      await expectProblem(await logged.fetch(`${url.pathname}?token=${later}`), 403, 'token', /not a valid/);
      await expectProblem(await logged.fetch(`${url.pathname.replace(/[^/]+$/, 'other.zip')}${url.search}`), 403, 'token');
      await expectProblem(await logged.fetch(`${url.pathname.replace(/archives\/[^/]+/, `archives/${crypto.randomUUID()}`)}${url.search}`), 403, 'token');
      await new Promise((r) => setTimeout(r, 1600));
      await expectProblem(await logged.fetch(url.pathname + url.search), 403, 'token', /expired/);
      // A fresh status gives a fresh token for the same file.
      const again = await (await logged.fetch(`${BASE}/${status.id}/status`)).json();
      expect((await logged.fetch(new URL(again.files[0].url).pathname + new URL(again.files[0].url).search)).status).toBe(200);
      const lines = log.mock.calls.map((call) => call.join(' ')).join('\n');
      expect(lines).toMatch(/GET \/adobe\/assets\/archives\/[^ ]+\/files\/assets\.zip 200/);
      expect(lines).not.toContain(token.split('.')[1]);
    } finally {
      log.mockRestore();
      await logged.close();
    }
  });
});

describe('an asset hidden while its archive is written', () => {
  it('fails the archive instead of entering it', async () => {
    const { writeZip } = await import('../../demo/emulator/archives/writeZip.ts');
    const { planArchive } = await import('../../demo/emulator/archives/archivePlan.ts');
    const { ANONYMOUS } = await import('../../demo/emulator/auth/caller.ts');
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const plan = planArchive([{ assetId: e.idOf('kite.jpg'), include: [], exclude: [] }, { assetId: e.idOf('aqua.jpg'), include: [], exclude: [] }], e.emulator.context.repository, ANONYMOUS);
    const dir = await mkdtemp(join(tmpdir(), 'zip-'));
    try {
      const aqua = e.idOf('aqua.jpg');
      await expect(writeZip(plan.entries, join(dir, 'a.zip'), (entry) => entry.assetId !== aqua)).rejects.toMatchObject({ code: 'ECHANGED' });
      expect(await readdir(dir)).not.toContain('a.zip');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
