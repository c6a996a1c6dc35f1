import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInfo, startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { assetsApi, EDITOR, makeImage, READER, searchNames } from './assetsApiFixture.ts';

let e: TestEmulator;
let api: ReturnType<typeof assetsApi>;
beforeAll(async () => {
  e = await startTestEmulator();
  api = assetsApi(e);
  await api.createFolder('/uploads');
  await api.createFolder('/uploads/2026');
});
afterAll(() => e.close());

/** The centre pixel of a delivered image. */
async function centre(response: Response): Promise<[number, number, number]> {
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

describe('the life of an asset', () => {
  let id: string;

  it('an upload waits for approval: authors see it, search and delivery do not', async () => {
    const created = await (await api.upload('/uploads/2026/harbour-sunrise.jpg', await makeImage(1600, 900, 'jpeg', '#d04020'))).json();
    id = created.properties['repo:assetId'];
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual([]);
    expect((await e.fetch(`/adobe/assets/${id}/as/harbour.jpg?width=100`)).status).toBe(404);
    expect((await e.fetch(`/adobe/assets/${id}/metadata`, { headers: EDITOR })).status).toBe(404);
    // Through the Assets HTTP API: an author sees it, a reader and an anonymous caller do not.
    const listing = await api.json('/uploads/2026.json');
    expect(listing.entities!.map((x) => x.properties.name)).toContain('harbour-sunrise.jpg');
    expect((await assetsApi(e, READER).api('/uploads/2026/harbour-sunrise.jpg.json')).status).toBe(404);
    expect((await assetsApi(e, {}).api('/uploads/2026/harbour-sunrise.jpg.json')).status).toBe(404);
    expect((await assetsApi(e, READER).json('/uploads/2026.json')).entities).toEqual([]);
    // The author's thumbnail works before approval (the selector's upload tray shows it).
    const thumbnail = await api.api('/uploads/2026/harbour-sunrise.jpg/renditions/cq5dam.thumbnail.319.319.png');
    const { width, height } = await imageInfo(thumbnail);
    expect(width).toBeGreaterThan(310);
    expect(width).toBeLessThanOrEqual(319);
    expect(height! / width!).toBeCloseTo(900 / 1600, 1);
  });

  it('approval makes it searchable and deliverable in the very next request, measured from its binary', async () => {
    const approved = await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { 'dam:assetStatus': 'approved', 'dc:title': 'Harbour sunrise', 'xcm:keywords': ['harbour', 'dawn'] });
    expect(approved.status).toBe(200);
    const response = await e.search({ query: [{ match: { text: 'harbour sunrise' } }] });
    const hit = (await response.json()).hits.results[0];
    expect(hit).toMatchObject({ assetId: id, repositoryMetadata: { 'repo:path': '/content/dam/uploads/2026/harbour-sunrise.jpg', 'dc:format': 'image/jpeg' }, assetMetadata: { 'tiff:ImageWidth': 1600, 'tiff:ImageLength': 900 } });
    const delivered = await e.fetch(`/adobe/assets/${id}/as/harbour.jpg?width=320&auto-format=false`);
    expect(delivered.status).toBe(200);
    const [r, g, b] = await centre(delivered.clone());
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(100);
    expect(b).toBeLessThan(60);
    expect((await imageInfo(delivered)).height).toBe(180);
    const crops = await (await e.fetch(`/adobe/assets/${id}/smartCrops`, { headers: EDITOR })).json();
    expect(crops.items.find((c: { name: string }) => c.name === 'Square').crop).toMatchObject({ height: 1, width: expect.closeTo(900 / 1600, 3) });
    const square = await e.fetch(`/adobe/assets/${id}/as/harbour.jpg?smartcrop=Square&width=100&auto-format=false`);
    expect(await imageInfo(square)).toMatchObject({ width: 100, height: 100 });
  });

  it('is found by its folder: term on a folder path, match on path words', async () => {
    await api.upload('/uploads/elsewhere.jpg', await makeImage(10, 10));
    await api.setProperties('/uploads/elsewhere.jpg', { 'dam:assetStatus': 'approved' });
    expect(await searchNames(e, [{ term: { 'repositoryMetadata.repo:path': ['/content/dam/uploads/2026'] } }])).toEqual(['harbour-sunrise.jpg']);
    expect((await searchNames(e, [{ term: { 'repositoryMetadata.repo:path': ['/content/dam/uploads'] } }])).sort()).toEqual(['elsewhere.jpg', 'harbour-sunrise.jpg']);
    expect(await searchNames(e, [{ term: { 'repositoryMetadata.repo:path': ['/content/dam/uploads/2026/harbour-sunrise.jpg'] } }])).toEqual(['harbour-sunrise.jpg']);
    expect(await searchNames(e, [{ match: { text: '2026', fields: ['repositoryMetadata.repo:path'] } }])).toEqual(['harbour-sunrise.jpg']);
  });

  it('a new binary refreshes delivery: new ETag, new pixels, new size in search', async () => {
    const url = `/adobe/assets/${id}/as/harbour.jpg?width=320&auto-format=false`;
    const before = await e.fetch(url);
    const etag = before.headers.get('etag')!;
    const put = await api.api('/uploads/2026/harbour-sunrise.jpg', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: await makeImage(800, 800, 'png', '#2040d0') });
    expect(put.status).toBe(200);
    const after = await e.fetch(url, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const [r, , b] = await centre(after.clone());
    expect(b).toBeGreaterThan(180);
    expect(r).toBeLessThan(80);
    const hit = (await (await e.search({ query: [{ match: { text: 'harbour sunrise' } }] })).json()).hits.results[0];
    expect(hit.assetMetadata).toMatchObject({ 'tiff:ImageWidth': 800, 'tiff:ImageLength': 800 });
    expect(hit.repositoryMetadata['dc:format']).toBe('image/png');
    const crops = await (await e.fetch(`/adobe/assets/${id}/smartCrops`, { headers: EDITOR })).json();
    expect(crops.items.find((c: { name: string }) => c.name === 'Square').crop).toMatchObject({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('roles and on/off times gate it like the sample catalog', async () => {
    await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { 'dam:roles': ['marketing'] });
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual([]);
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }], { Authorization: 'Bearer dev-token-marketing' })).toEqual(['harbour-sunrise.jpg']);
    expect((await e.fetch(`/adobe/assets/${id}/metadata`)).status).toBe(404);
    await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { 'dam:roles': null, offTime: '2020-01-01T00:00:00Z' });
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual([]);
    expect((await e.fetch(`/adobe/assets/${id}/as/x.jpg?width=10`)).status).toBe(404);
    await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { offTime: null });
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual(['harbour-sunrise.jpg']);
  });

  it('unapproving or deleting removes it from search and delivery at once', async () => {
    await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { 'dam:assetStatus': 'rejected' });
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual([]);
    expect((await e.fetch(`/adobe/assets/${id}/original/as/x.png`)).status).toBe(404);
    await api.setProperties('/uploads/2026/harbour-sunrise.jpg', { 'dam:assetStatus': 'approved' });
    expect((await e.fetch(`/adobe/assets/${id}/original/as/x.png`)).status).toBe(200);
    expect((await api.api('/uploads/2026', { method: 'DELETE' })).status).toBe(200);
    expect(await searchNames(e, [{ match: { text: 'harbour sunrise' } }])).toEqual([]);
    expect((await e.fetch(`/adobe/assets/${id}/original/as/x.png`)).status).toBe(404);
    expect((await e.fetch(`/adobe/assets/${id}/as/x.jpg?width=10`)).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('two uploads to one name: exactly one 201 and one 409', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([
        api.upload(`/uploads/race-${round}.jpg`, await makeImage(200, 100, 'jpeg', '#111')),
        api.upload(`/uploads/race-${round}.jpg`, await makeImage(200, 100, 'jpeg', '#eee')),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
    }
    const [c, d] = await Promise.all([
      api.uploadForm('/uploads', 'race-form.jpg', await makeImage(50, 50, 'jpeg', '#111')),
      api.uploadForm('/uploads', 'race-form.jpg', await makeImage(50, 50, 'jpeg', '#222')),
    ]);
    expect([c.status, d.status].sort()).toEqual([201, 409]);
  });

  it('a search during metadata updates never shows half of one', async () => {
    await api.upload('/uploads/swapped.jpg', await makeImage(20, 20));
    await api.setProperties('/uploads/swapped.jpg', { 'dam:assetStatus': 'approved', 'dc:title': 'Swapped 0', 'dc:description': 'Swapped 0' });
    const seen = new Set<string>();
    const updates = Array.from({ length: 40 }, (_, i) => api.setProperties('/uploads/swapped.jpg', { 'dc:title': `Swapped ${i + 1}`, 'dc:description': `Swapped ${i + 1}` }));
    const searches = Array.from({ length: 40 }, async () => {
      const body = await (await e.search({ query: [{ match: { text: 'swapped' } }] })).json();
      for (const hit of body.hits.results) {
        expect(hit.assetMetadata['dc:description']).toBe(hit.assetMetadata['dc:title']);
        seen.add(hit.assetMetadata['dc:title']);
      }
    });
    const statuses = (await Promise.all(updates)).map((r) => r.status);
    await Promise.all(searches);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(seen.size).toBeGreaterThan(0);
  });
});
