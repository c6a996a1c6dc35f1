import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionsApi } from '../../src/core/collectionClient.ts';
import { collectionScope } from '../../src/core/collectionScope.ts';
import { collectionJob, collectionPage, memberPage } from '../../src/core/collectionShapes.ts';
import { foldQuery, match } from '../../src/core/queryBuilder.ts';
import { createRepositoryClient } from '../../src/core/repositoryClient.ts';
import { SelectorError } from '../../src/core/selectorError.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';

const SKY = 'urn:cid:aem:0ce9a75f-7cd2-4e83-8019-d2e40e78c0d6';
const FLOWERS = 'urn:cid:aem:6fd47016-c015-4006-bd78-3786e7300d00';
const noWait = () => Promise.resolve();

/** The core collection functions against a real emulator; writes of more than 2 items take the 202 + job form. */
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ limits: { collectionAsyncItems: 2 } });
});
afterAll(() => e.close());

const api = (token?: string) => collectionsApi(createRepositoryClient({ repository: e.url, ...(token ? { token } : {}) }), e.url, noWait);
const names = (ids: string[]) => ids.map((id) => e.emulator.context.catalog.byId.get(id)!.name);

async function rejection(promise: Promise<unknown>): Promise<SelectorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SelectorError);
    return error as SelectorError;
  }
  throw new Error('expected a rejection');
}

describe('reading', () => {
  it('lists the seeded collections with title and description', async () => {
    const page = await api().list();
    expect(page.items.map((c) => c.title)).toEqual(expect.arrayContaining(['Sky and space', 'Flowers and gardens', 'Textures and abstracts', 'Lakes and shores']));
    expect(page.items.find((c) => c.id === SKY)).toEqual({ id: SKY, title: 'Sky and space', description: 'Rockets, astronauts, distant galaxies and the open sky above us.' });
  });

  it('reads one collection with its ETag (the experimental header is sent)', async () => {
    const { collection, etag } = await api('dev-token').read(SKY);
    expect(collection.title).toBe('Sky and space');
    expect(etag).toMatch(/^"[^"]+"$/);
  });

  it('members are the assets the caller may see, in order', async () => {
    // storm.jpg is rejected: nobody sees it; fresh-flower.jpg is restricted to marketing.
    expect(names(await api().members(SKY))).toEqual(['astronaut.jpg', 'rocket.jpg', 'hubble-deep-field.jpg', 'kite.jpg', 'kite-flight.mp4']);
    expect(names(await api().members(FLOWERS))).not.toContain('fresh-flower.jpg');
    expect(names(await api('dev-token-marketing').members(FLOWERS))).toContain('fresh-flower.jpg');
  });

  it('an unknown collection is a not-found error naming nothing it should not', async () => {
    const error = await rejection(api().members('urn:cid:aem:00000000-0000-4000-8000-000000000000'));
    expect(error.code).toBe('not-found');
  });
});

describe('the scope clause', () => {
  it('AND-ed to a search, keeps it to the collection, with text and facets working within it', async () => {
    const client = createRepositoryClient({ repository: e.url });
    const ids = await api().members(SKY);
    const request = { query: foldQuery([match('kite')], [collectionScope(ids)]), limit: 50, facets: [{ type: 'CATEGORY' as const, id: 'format', field: 'repositoryMetadata.dc:format' }] };
    const response = await client.search(request);
    expect(response.hits.results.map((r) => r.repositoryMetadata['repo:name']).sort()).toEqual(['kite-flight.mp4', 'kite.jpg']);
    expect(response.facets?.[0]?.values.map((v) => v.value).sort()).toEqual(['image/jpeg', 'video/mp4']);
    const all = await client.search({ query: [collectionScope(ids)], limit: 50 });
    expect(all.search_metadata.count).toBe(5);
  });

  it('an empty collection matches nothing (a term needs a value)', async () => {
    const response = await createRepositoryClient({ repository: e.url }).search({ query: [collectionScope([])], limit: 10 });
    expect(response.hits.results).toEqual([]);
    expect(collectionScope([])).toEqual({ not: [{ match: { text: '*' } }] });
  });
});

describe('writing', () => {
  it('creates a collection at once (201) and through a job (202), both listed with their members', async () => {
    const writer = api('dev-token-contributor');
    const [kite, rocket, coffee] = ['kite.jpg', 'rocket.jpg', 'coffee.jpg'].map(e.idOf);
    const small = await writer.create({ title: `Core small ${Date.now()}`, assetIds: [kite!] });
    expect(small.etag).toMatch(/^"/);
    const big = await writer.create({ title: `Core big ${Date.now()}`, description: 'three', assetIds: [kite!, rocket!, coffee!] });
    expect(big.collection).toMatchObject({ description: 'three' });
    expect(big.collection.id).toMatch(/^urn:cid:aem:/);
    expect(big.etag).toMatch(/^"/);
    const listed = (await api().list()).items.map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([small.collection.id, big.collection.id]));
    expect(names(await api().members(big.collection.id))).toEqual(['kite.jpg', 'rocket.jpg', 'coffee.jpg']);
  });

  it('adds and removes with If-Match, follows a 202 to its end, and a stale ETag is a 412', async () => {
    const writer = api('dev-token-editor');
    const created = await writer.create({ title: `Core items ${Date.now()}`, assetIds: [e.idOf('kite.jpg')] });
    const id = created.collection.id;
    const afterAdd = await writer.changeItems(id, created.etag, 'add', [e.idOf('rocket.jpg')]);
    expect(afterAdd).toMatch(/^"/);
    expect(afterAdd).not.toBe(created.etag);
    const stale = await rejection(writer.changeItems(id, created.etag, 'add', [e.idOf('coffee.jpg')]));
    expect(stale.status).toBe(412);
    // Three operations: the long-running form.
    const afterBig = await writer.changeItems(id, afterAdd, 'add', ['coffee.jpg', 'wood.jpg', 'aqua.jpg'].map(e.idOf));
    expect(afterBig).toMatch(/^"/);
    expect(names(await api().members(id))).toEqual(['kite.jpg', 'rocket.jpg', 'coffee.jpg', 'wood.jpg', 'aqua.jpg']);
    await writer.changeItems(id, afterBig, 'remove', [e.idOf('kite.jpg')]);
    expect(names(await api().members(id))).toEqual(['rocket.jpg', 'coffee.jpg', 'wood.jpg', 'aqua.jpg']);
  });

  it('a token that may not write is refused with 403, none with 401', async () => {
    const refused = await rejection(api('dev-token').create({ title: 'nope', assetIds: [] }));
    expect(refused).toMatchObject({ code: 'unauthorized', status: 403 });
    expect((await rejection(api().create({ title: 'nope', assetIds: [] }))).status).toBe(401);
  });
});

describe('requests', () => {
  it('a write that met a 503 is not sent again (it may have landed); a read is', async () => {
    let posts = 0;
    let gets = 0;
    const server = createServer((req, res) => {
      if (req.method === 'POST') posts++;
      else gets++;
      res.writeHead(503, { 'Content-Type': 'application/problem+json' });
      res.end('{"status":503,"detail":"busy"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = createRepositoryClient({ repository: url, token: 'dev-token-editor', retries: 2, sleep: noWait });
    try {
      expect((await rejection(collectionsApi(client, url).create({ title: 't', assetIds: [] }))).code).toBe('unavailable');
      expect(posts).toBe(1);
      await rejection(collectionsApi(client, url).list());
      expect(gets).toBe(3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('send() refuses a URL off the repository before any request, so the token goes nowhere else', () => {
    const client = createRepositoryClient({ repository: 'https://repo.example', token: 'secret' });
    expect(() => client.send({ operation: 'x', method: 'GET', url: 'https://repo.example.evil/adobe' }, (j) => j)).toThrow(TypeError);
  });

  it('shapes: malformed answers are refused with where and what', () => {
    expect(() => collectionPage({ items: [{ collectionMetadata: {} }] })).toThrow('collections.items[0].id: expected a non-empty string');
    expect(memberPage({ items: [{ id: 'a', type: 'asset' }, { id: 'c', type: 'collection' }], cursor: 'n' })).toEqual({ assetIds: ['a'], cursor: 'n' });
    expect(collectionJob({ status: 412, errors: [{ detail: 'stale' }] })).toEqual({ status: 412, data: {}, error: 'stale' });
    expect(() => collectionJob({ status: 'done' })).toThrow('job.status');
  });
});
