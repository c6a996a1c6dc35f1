import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInfo, startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { ALL_HIDDEN, HIDDEN, PUBLIC_COUNT } from './searchFixture.ts';

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

async function problem(response: Response, status: number, parameter: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  expect(body.detail).toMatch(parameter);
  return body;
}

describe('search over HTTP', () => {
  it('returns hits, counts and a cursor', async () => {
    const response = await e.search({ query: [{ match: { text: '*' } }], limit: 10 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.search_metadata).toEqual({ count: 10, totalCount: { total: PUBLIC_COUNT, relation: 'eq' } });
    expect(body.hits.results[0]).toEqual({ assetId: expect.stringMatching(/^urn:aaid:aem:/), repositoryMetadata: expect.any(Object), assetMetadata: expect.any(Object) });
    expect(body.cursor).toEqual(expect.any(String));
  });

  it.each([
    ['{"query": [', /^body: malformed JSON/],
    ['', /^body: /],
    [JSON.stringify({ query: [{ fuzzy: {} }] }), /^query\[0\]: unknown query node type/],
    [JSON.stringify({ query: [1, 2, 3, 4, 5, 6].map(() => ({ match: { text: '*' } })) }), /^query: must hold 1 to 5 nodes/],
    [JSON.stringify({ query: [{ match: { text: '*' } }], limit: 0 }), /^limit: /],
    [JSON.stringify({ query: [{ match: { text: '*' } }], limit: 51 }), /^limit: /],
    [JSON.stringify({ query: [{ match: { text: '*' } }], cursor: 'bogus' }), /^cursor: /],
  ])('rejects %s', async (body, parameter) => {
    const response = await e.fetch('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await problem(response, 400, parameter);
  });

  it('rejects a body that is not JSON, and one too large', async () => {
    await problem(await e.fetch('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: 'x' }), 415, /^Content-Type: /);
    const huge = JSON.stringify({ query: [{ match: { text: 'x'.repeat(2_000_000) } }] });
    await problem(await e.fetch('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: huge }), 413, /^body: /);
  });

  it('answers CORS preflights that carry Authorization', async () => {
    const response = await e.fetch('/adobe/assets/search', {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,x-api-key,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/X-Api-Key/);
    const get = await e.fetch(`/adobe/assets/${e.idOf('kite.jpg')}/metadata`, { headers: { Origin: 'http://example.test' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });
});

describe('JSON reads', () => {
  it('metadata, with an ETag and 304', async () => {
    const id = e.idOf('kite.jpg');
    const response = await e.fetch(`/adobe/assets/${id}/metadata`);
    const body = await response.json();
    expect(body.assetId).toBe(id);
    expect(body.repositoryMetadata).toMatchObject({ 'repo:name': 'kite.jpg', 'dc:format': 'image/jpeg', 'repo:size': 158402 });
    expect(body.assetMetadata).toMatchObject({ 'dc:title': expect.any(String), 'tiff:ImageWidth': 2400, 'tiff:ImageLength': 1500, 'dam:assetStatus': 'approved' });
    const again = await e.fetch(`/adobe/assets/${id}/metadata`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const head = await e.fetch(`/adobe/assets/${id}/metadata`, { method: 'HEAD' });
    expect(head.headers.get('etag')).toBe(response.headers.get('etag'));
  });

  it('smart crops: names, sizes and boxes, and the delivered crop has the profile\'s aspect ratio', async () => {
    const id = e.idOf('ladybird.jpg');
    const response = await e.fetch(`/adobe/assets/${id}/smartCrops`);
    const body = await response.json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['Square', 'Landscape', 'Portrait', 'Banner']);
    for (const item of body.items) {
      expect(item.crop.x + item.crop.width).toBeLessThanOrEqual(1 + 1e-9);
      const image = await imageInfo(await e.fetch(`/adobe/assets/${id}/as/ladybird.jpg?smartcrop=${item.name}&width=400`));
      expect(image.width).toBe(400);
      expect(image.height).toBe(Math.round((400 * item.height) / item.width));
    }
    expect((await e.fetch(`/adobe/assets/${id}/smartCrops`, { headers: { 'If-None-Match': response.headers.get('etag')! } })).status).toBe(304);
    await problem(await e.fetch(`/adobe/assets/${id}/as/ladybird.jpg?smartcrop=Nope`), 400, /^smartcrop: "Nope" is not a smart crop/);
  });

  it('image presets, paged', async () => {
    const all = await (await e.fetch('/adobe/assets/imagePresets')).json();
    expect(all.items.map((p: { name: string }) => p.name)).toContain('thumbnail');
    const first = await (await e.fetch('/adobe/assets/imagePresets?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = await (await e.fetch(`/adobe/assets/imagePresets?limit=2&cursor=${first.cursor}`)).json();
    expect(second.items[0].name).toBe(all.items[2].name);
    await problem(await e.fetch('/adobe/assets/imagePresets?limit=0'), 400, /^limit: /);
  });

  it('collections list, read and items, with hidden assets left out', async () => {
    const list = await (await e.fetch('/adobe/assets/collections')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    const catalog = e.emulator.context.catalog;
    for (const summary of list.items) {
      const one = await (await e.fetch(`/adobe/assets/collections/${summary.id}`, { headers: EXPERIMENTAL })).json();
      expect(one.collectionMetadata.title).toBe(summary.collectionMetadata.title);
      const items = await (await e.fetch(`/adobe/assets/collections/${summary.id}/items`, { headers: EXPERIMENTAL })).json();
      const names = items.items.map((i: { id: string }) => catalog.byId.get(i.id)!.name);
      for (const hidden of ALL_HIDDEN) expect(names).not.toContain(hidden);
    }
    const record = catalog.collections.find((c) => c.items.some((id) => ALL_HIDDEN.includes(catalog.byId.get(id)!.name)))!;
    const visible = await (await e.fetch(`/adobe/assets/collections/${record.id}/items`, { headers: EXPERIMENTAL })).json();
    expect(visible.items.length).toBeLessThan(record.items.length);
    await problem(await e.fetch('/adobe/assets/collections/urn:cid:aem:00000000-0000-4000-8000-000000000000', { headers: EXPERIMENTAL }), 404, /^collectionId: /);
    await problem(await e.fetch('/adobe/assets/collections', { method: 'PUT', body: '{}' }), 405, /use GET, HEAD, POST/);
  });
});

const EXPERIMENTAL = { 'X-Adobe-Accept-Experimental': '1' };

describe('hidden assets are 404 everywhere', () => {
  const paths = (id: string, name: string) => [
    `/adobe/assets/${id}/metadata`,
    `/adobe/assets/${id}/as/${name.replace('.jpg', '')}.jpg?width=100`,
    `/adobe/assets/${id}`,
    `/adobe/assets/${id}/original/as/${name}`,
    `/adobe/assets/${id}/renditions`,
    `/adobe/assets/${id}/renditions/cq5dam.thumbnail.48.48.png/as/x.png`,
    `/adobe/assets/${id}/smartCrops`,
    `/adobe/assets/deliver/${id}/${name}`,
  ];

  it('unapproved, expired, future and restricted assets, without the role', async () => {
    for (const name of ALL_HIDDEN) {
      for (const path of paths(e.idOf(name), name)) {
        const response = await e.fetch(path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    }
  });

  it('restricted assets are delivered to callers with the role, privately', async () => {
    const id = e.idOf(HIDDEN.marketing[0]!);
    const withRole = await e.fetch(`/adobe/assets/${id}/as/x.jpg?width=100`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
    expect(withRole.status).toBe(200);
    expect(withRole.headers.get('cache-control')).toMatch(/^private/);
    // The browser's cache keeps it for requests with the same credentials only (no token: a 404).
    expect(withRole.headers.get('vary')).toBe('Accept, Authorization');
    const metadata = await e.fetch(`/adobe/assets/${id}/metadata`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
    expect(metadata.headers.get('vary')).toBe('Authorization');
    const publicImage = await e.fetch(`/adobe/assets/${e.idOf('kite.jpg')}/as/kite.jpg?width=100`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
    expect(publicImage.headers.get('vary')).toBe('Accept');
    const wrongRole = await e.fetch(`/adobe/assets/${id}/metadata`, { headers: { Authorization: 'Bearer dev-token-legal' } });
    expect(wrongRole.status).toBe(404);
    const rejected = await e.fetch(`/adobe/assets/${e.idOf(HIDDEN.rejected[0]!)}/metadata`, { headers: { Authorization: 'Bearer dev-token-all' } });
    expect(rejected.status).toBe(404);
  });

  it('restricted assets carry dam:roles in search hits and metadata; public ones do not', async () => {
    const marketing = { Authorization: 'Bearer dev-token-marketing' };
    const hits = (await (await e.search({ query: [{ match: { text: '*' } }], limit: 50 }, marketing)).json()) as {
      hits: { results: Array<{ assetId: string; assetMetadata: Record<string, unknown> }> };
    };
    const roles = new Map(hits.hits.results.map((hit) => [hit.assetId, hit.assetMetadata['dam:roles']]));
    for (const name of HIDDEN.marketing) expect(roles.get(e.idOf(name)), name).toEqual(['marketing']);
    expect(roles.get(e.idOf('kite.jpg'))).toBeUndefined();
    expect([...roles.values()].filter(Boolean)).toHaveLength(HIDDEN.marketing.length);

    const id = e.idOf(HIDDEN.marketing[0]!);
    const metadata = (await (await e.fetch(`/adobe/assets/${id}/metadata`, { headers: marketing })).json()) as { assetMetadata: Record<string, unknown> };
    expect(metadata.assetMetadata['dam:roles']).toEqual(['marketing']);
    const publicMetadata = (await (await e.fetch(`/adobe/assets/${e.idOf('kite.jpg')}/metadata`, { headers: marketing })).json()) as { assetMetadata: Record<string, unknown> };
    expect(publicMetadata.assetMetadata).not.toHaveProperty('dam:roles');
    // Whoever cannot see the asset learns nothing, its roles included: it is a 404 like any unknown id.
    const legal = await e.fetch(`/adobe/assets/${id}/metadata`, { headers: { Authorization: 'Bearer dev-token-legal' } });
    expect(legal.status).toBe(404);
    expect(await legal.text()).not.toMatch(/marketing/);
  });

  it('an invalid token is a 401, never silently anonymous', async () => {
    const response = await e.fetch(`/adobe/assets/${e.idOf('kite.jpg')}/metadata`, { headers: { Authorization: 'Bearer expired' } });
    await problem(response, 401, /^Authorization: /);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('--require-auth', () => {
  it('search needs a bearer token and the API key', async () => {
    const secured = await startTestEmulator({ requireAuth: true });
    try {
      const body = { query: [{ match: { text: '*' } }] };
      await problem(await secured.search(body), 401, /^Authorization: a bearer token is required/);
      await problem(await secured.search(body, { Authorization: 'Bearer dev-token' }), 403, /^X-Api-Key: /);
      const ok = await secured.search(body, { Authorization: 'Bearer dev-token', 'X-Api-Key': 'asset-selector-dev' });
      expect(ok.status).toBe(200);
      expect((await ok.json()).search_metadata.totalCount.total).toBe(PUBLIC_COUNT);
      const marketing = await secured.search(body, { Authorization: 'Bearer dev-token-marketing', 'X-Api-Key': 'asset-selector-dev' });
      expect((await marketing.json()).search_metadata.totalCount.total).toBe(PUBLIC_COUNT + 2);
      // Public delivery stays public, as on a real delivery tier.
      expect((await secured.fetch(`/adobe/assets/${secured.idOf('kite.jpg')}/as/k.jpg?width=10`)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

describe('bad input never hurts it', () => {
  const kite = () => e.idOf('kite.jpg');
  it.each([
    ['crop=60p,0p,50p,50p', /^crop: /],
    ['crop=10,10,50,50', /^crop: /],
    ['rotate=45', /^rotate: /],
    ['quality=0', /^quality: /],
    ['width=100000', /^width: /],
    ['width=-5', /^width: /],
    ['flip=x', /^flip: /],
    ['fit=crop', /^fit: /],
    ['blur=500', /^blur: /],
    ['background-color=rgb,zzzzzz', /^background-color: /],
    ['preset=nope', /^preset: /],
    ['brightness=10', /^brightness: .*Limited Availability/],
    ['width=10&width=20', /^width: /],
    ['crop=0p,0p,50p,50p&smartcrop=Square', /^smartcrop: /],
    // dpr must not scale a size to 0 pixels (sharp would get a size of 0).
    ['width=1&dpr=0.4', /^dpr: width × dpr = 1 × 0.4 = 0 pixels/],
    ['height=1&dpr=0.3', /^dpr: height × dpr = 1 × 0.3 = 0 pixels/],
    ['smartcrop=Square&dpr=0.0001', /^dpr: width \(from smart crop Square\) × dpr = 1080 × 0.0001 = 0 pixels/],
    ['preset=thumbnail&dpr=0.001', /^dpr: width \(from preset thumbnail\) × dpr = 320 × 0.001 = 0 pixels/],
  ])('?%s', async (query, parameter) => {
    await problem(await e.fetch(`/adobe/assets/${kite()}/as/kite.jpg?${query}`), 400, parameter);
  });

  it('bad paths, ids, names and formats', async () => {
    await problem(await e.rawGet('/adobe/assets/../../etc/passwd'), 400, /^path: /);
    await problem(await e.rawGet('/adobe/assets/%2e%2e/%2e%2e/package.json'), 400, /^path: /);
    await problem(await e.rawGet('/demo/../package.json'), 400, /^path: /);
    // Targets that are not origin-form paths, or that a base-relative URL parser would read as a host.
    await problem(await e.rawGet('*'), 400, /^path: /);
    await problem(await e.rawGet('http://example.com/adobe/assets/search'), 400, /^path: /);
    await problem(await e.rawGet('//example.com/adobe/assets/imagePresets'), 404, /^path: /);
    await problem(await e.fetch('/adobe/assets/urn:aaid:aem:00000000-0000-4000-8000-000000000000/metadata'), 404, /^assetId: /);
    await problem(await e.fetch('/adobe/assets/not-an-id/metadata'), 400, /^assetId: /);
    await problem(await e.fetch(`/adobe/assets/${kite()}/as/kite.bmp`), 400, /^format: /);
    await problem(await e.fetch(`/adobe/assets/${kite()}/as/kite`), 400, /^format: /);
    await problem(await e.fetch(`/adobe/assets/${kite()}/as/ki%20te.jpg`), 400, /^seoName: /);
    await problem(await e.fetch(`/adobe/assets/${kite()}/as/k%E0%A4%A.jpg`), 400, /^path: /);
    await problem(await e.fetch('/adobe/assets/nothing/here/at/all'), 404, /^path: /);
    await problem(await e.fetch(`/adobe/assets/${kite()}/metadata`, { method: 'DELETE' }), 405, /DELETE/);
  });

  it('keeps serving after all of that', async () => {
    expect((await e.fetch(`/adobe/assets/${kite()}/as/kite.jpg?width=32`)).status).toBe(200);
  });
});
