import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { assetsApi, EDITOR, expectProblem, makeImage, READER } from './assetsApiFixture.ts';
import { ALL_HIDDEN, CATALOG_SIZE } from './searchFixture.ts';

let e: TestEmulator;
let api: ReturnType<typeof assetsApi>;
beforeAll(async () => {
  e = await startTestEmulator();
  api = assetsApi(e);
});
afterAll(() => e.close());

const SPACE = ['astronaut.jpg', 'hubble-deep-field.jpg', 'rocket.jpg'];

describe('service documents and folder listings', () => {
  it('/api.json leads to /api/assets.json, the root folder', async () => {
    const services = await (await e.fetch('/api.json')).json();
    expect(services.entities[0].links[0].href).toBe(`${e.url}/api/assets.json`);
    const root = await (await e.fetch('/api/assets.json')).json();
    expect(root).toMatchObject({ class: ['assets/folder'], properties: { name: 'dam', 'repo:path': '/content/dam' } });
    expect(root.entities.map((x: { properties: { name: string } }) => x.properties.name)).toEqual(['samples']);
    expect(root.links).toEqual([{ rel: ['self'], href: `${e.url}/api/assets.json` }]);
  });

  it('lists a folder as Siren with paging, and only what the caller may see', async () => {
    const first = await (await e.fetch('/api/assets/samples.json?limit=5')).json();
    // The space photos (three, all visible) are in samples/space: one folder in their place, listed first.
    const visible = CATALOG_SIZE - ALL_HIDDEN.length - SPACE.length + 1;
    expect(first.properties['srn:paging']).toEqual({ total: visible, offset: 0, limit: 5 });
    expect(first.entities).toHaveLength(5);
    expect(first.entities[0]).toMatchObject({ class: ['assets/folder'], rel: ['child'], properties: { name: 'space', 'repo:path': '/content/dam/samples/space' } });
    expect(first.entities[1]).toMatchObject({ class: ['assets/asset'], rel: ['child'], properties: { name: 'aqua.jpg', 'dc:title': 'Water drop crown' } });
    const next = first.links.find((l: { rel: string[] }) => l.rel[0] === 'next').href;
    expect(next).toBe(`${e.url}/api/assets/samples.json?offset=5&limit=5`);
    const second = await (await fetch(next)).json();
    expect(second.entities[0].properties.name).not.toBe(first.entities[0].properties.name);
    expect(second.links.find((l: { rel: string[] }) => l.rel[0] === 'prev').href).toBe(`${e.url}/api/assets/samples.json?offset=0&limit=5`);
    // Authors see every asset, hidden ones included; the names a reader gets never include them.
    const asAuthor = await (await e.fetch('/api/assets/samples.json?limit=200', { headers: EDITOR })).json();
    expect(asAuthor.properties['srn:paging'].total).toBe(CATALOG_SIZE - SPACE.length + 1);
    const asReader = await (await e.fetch('/api/assets/samples.json?limit=200', { headers: READER })).json();
    const names = asReader.entities.map((x: { properties: { name: string } }) => x.properties.name);
    for (const hidden of ALL_HIDDEN) expect(names).not.toContain(hidden);
  });

  it('has the sample catalog’s folders (metadata.json `folder`), and a term on repo:path scopes search to a folder and below', async () => {
    const space = await (await e.fetch('/api/assets/samples/space.json')).json();
    expect(space.entities.map((x: { class: string[]; properties: { name: string } }) => `${x.class[0]} ${x.properties.name}`)).toEqual([
      'assets/folder missions',
      'assets/asset astronaut.jpg',
      'assets/asset hubble-deep-field.jpg',
    ]);
    const missions = await (await e.fetch('/api/assets/samples/space/missions.json')).json();
    expect(missions.properties['repo:path']).toBe('/content/dam/samples/space/missions');
    expect(missions.entities.map((x: { properties: { name: string } }) => x.properties.name)).toEqual(['rocket.jpg']);
    const names = async (folder: string) => {
      const response = await e.fetch('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ term: { 'repositoryMetadata.repo:path': [folder] } }], limit: 50 }) });
      return ((await response.json()).hits.results as Array<{ repositoryMetadata: Record<string, string> }>).map((hit) => hit.repositoryMetadata['repo:name']).sort();
    };
    expect(await names('/content/dam/samples/space')).toEqual(SPACE);
    expect(await names('/content/dam/samples/space/missions')).toEqual(['rocket.jpg']);
    expect(await names('/content/dam/samples/spa')).toEqual([]);
    expect((await names('/content/dam/samples')).length).toBe(CATALOG_SIZE - ALL_HIDDEN.length);
  });

  it('answers bad paging and missing paths with problems naming them', async () => {
    await expectProblem(await e.fetch('/api/assets/samples.json?limit=0'), 400, 'limit');
    await expectProblem(await e.fetch('/api/assets/samples.json?offset=-1'), 400, 'offset');
    await expectProblem(await e.fetch('/api/assets/nothing.json'), 404, 'path');
    await expectProblem(await e.fetch('/api/assets/samples/kite.jpg/versions'), 404, 'path');
    await expectProblem(await e.fetch('/api/assets/samples/a%3Ab.json'), 400, 'path');
    await expectProblem(await e.fetch('/api/assets/samples.json', { method: 'PATCH' }), 405, 'method');
  });
});

describe('an asset', () => {
  it('is Siren with its metadata, renditions and links, and an ETag that answers 304', async () => {
    const response = await e.fetch('/api/assets/samples/kite.jpg.json');
    const body = await response.json();
    expect(body.class).toEqual(['assets/asset']);
    expect(body.properties).toMatchObject({ name: 'kite.jpg', 'repo:assetId': e.idOf('kite.jpg'), 'tiff:ImageWidth': 2400, 'dam:assetStatus': 'approved', 'dam:roles': [] });
    const rels = Object.fromEntries(body.links.map((l: { rel: string[]; href: string }) => [l.rel[0], l.href]));
    expect(rels).toMatchObject({
      self: `${e.url}/api/assets/samples/kite.jpg.json`,
      parent: `${e.url}/api/assets/samples.json`,
      thumbnail: `${e.url}/api/assets/samples/kite.jpg/renditions/cq5dam.thumbnail.319.319.png`,
      'http://ns.adobe.com/adobecloud/rel/download': `${e.url}/adobe/assets/${e.idOf('kite.jpg')}/original/as/kite.jpg`,
    });
    expect(body.entities.map((x: { properties: { name: string } }) => x.properties.name)).toEqual(['original', 'cq5dam.thumbnail.48.48.png', 'cq5dam.thumbnail.140.100.png', 'cq5dam.thumbnail.319.319.png', 'cq5dam.web.1280.1280.jpeg']);
    const again = await e.fetch('/api/assets/samples/kite.jpg.json', { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    // Without .json too, and the original's bytes through its rendition.
    expect((await (await e.fetch('/api/assets/samples/kite.jpg')).json()).properties.name).toBe('kite.jpg');
    const original = await e.fetch('/api/assets/samples/kite.jpg/renditions/original');
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect((await original.arrayBuffer()).byteLength).toBe(158402);
  });

  it('an asset named x.json is reachable as x.json.json and, when nothing else is x, as x.json', async () => {
    await api.createFolder('/jsonish');
    expect((await api.upload('/jsonish/data.json', await makeImage(4, 4, 'png'), 'image/png')).status).toBe(201);
    expect((await api.json('/jsonish/data.json')).properties.name).toBe('data.json');
    expect((await api.json('/jsonish/data.json.json')).properties.name).toBe('data.json');
  });

  it('hidden assets are a 404 for readers and anonymous callers, on every path', async () => {
    for (const name of ALL_HIDDEN) {
      expect((await e.fetch(`/api/assets/samples/${name}.json`, { headers: READER })).status).toBe(404);
      expect((await e.fetch(`/api/assets/samples/${name}/renditions/original`)).status).toBe(404);
      expect((await e.fetch(`/api/assets/samples/${name}/renditions/cq5dam.thumbnail.48.48.png`)).status).toBe(404);
      expect((await e.fetch(`/api/assets/samples/${name}.json`, { headers: EDITOR })).status).toBe(200);
    }
    expect((await e.fetch('/api/assets/samples/evening-glow.jpg.json', { headers: { Authorization: 'Bearer dev-token-marketing' } })).status).toBe(200);
  });
});

describe('with --require-auth', () => {
  it('asks for a bearer token on every read', async () => {
    const strict = await startTestEmulator({ requireAuth: true });
    try {
      await expectProblem(await strict.fetch('/api.json'), 401, 'Authorization');
      await expectProblem(await strict.fetch('/api/assets/samples.json'), 401, 'Authorization');
      expect((await strict.fetch('/api/assets/samples.json', { headers: READER })).status).toBe(200);
      await expectProblem(await strict.fetch('/api/assets/samples.json', { headers: { Authorization: 'Bearer forged' } }), 401, 'Authorization');
    } finally {
      await strict.close();
    }
  });
});
