import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTOR, EDITOR, expectProblem, READER } from './assetsApiFixture.ts';
import { launchCli } from './cliFixture.ts';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { ALL_HIDDEN, HIDDEN } from './searchFixture.ts';

const X = { 'X-Adobe-Accept-Experimental': '1' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const BASE = '/adobe/assets/collections';

/** Writable collections over HTTP, against a real emulator (async forms above 3 items here). */
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ limits: { collectionAsyncItems: 3 } });
});
afterAll(() => e.close());

const create = (body: unknown, auth: Record<string, string> = EDITOR) => e.fetch(BASE, { method: 'POST', headers: { ...auth, ...JSON_TYPE }, body: JSON.stringify(body) });
const read = (id: string, headers: Record<string, string> = {}) => e.fetch(`${BASE}/${id}`, { headers: { ...READER, ...X, ...headers } });
const items = async (id: string, auth: Record<string, string> = READER) => {
  const response = await e.fetch(`${BASE}/${id}/items`, { headers: { ...auth, ...X } });
  expect(response.status).toBe(200);
  return response.json() as Promise<{ self: Array<{ id: string; type: string }>; items: Array<{ id: string; type: string; 'repo:name'?: string }>; cursor?: string }>;
};
const asset = (name: string) => ({ id: e.idOf(name), type: 'asset' });
const ops = (op: 'add' | 'remove', names: string[]) => names.map((name) => ({ op, ...asset(name) }));
const patchItems = (id: string, etag: string | null, body: unknown, auth = EDITOR) =>
  e.fetch(`${BASE}/${id}/items`, { method: 'POST', headers: { ...auth, ...JSON_TYPE, ...(etag ? { 'If-Match': etag } : {}) }, body: JSON.stringify(body) });
const etagOf = async (id: string) => (await e.fetch(`${BASE}/${id}`, { method: 'HEAD' })).headers.get('etag')!;

async function untilDone(location: string) {
  const path = new URL(location).pathname;
  for (let i = 0; i < 200; i++) {
    const response = await e.fetch(path, { headers: { ...READER, ...X } });
    expect(response.status).toBe(200);
    const status = await response.json();
    if (status.status !== 202) return status;
    expect(response.headers.get('retry-after')).toBe('1');
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

describe('POST /collections', () => {
  it('creates a collection: 201 with Location, ETag and the spec shape; it lists and reads back', async () => {
    const response = await create({ title: 'Campaign', description: 'Spring', items: [asset('kite.jpg'), asset('aqua.jpg')] });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ id: expect.stringMatching(/^urn:cid:aem:/), collectionMetadata: { title: 'Campaign', description: 'Spring' }, repositoryMetadata: { 'repo:createDate': expect.any(String) } });
    expect(response.headers.get('location')).toBe(`${e.url}${BASE}/${body.id}`);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{20}"$/);
    const again = await read(body.id);
    expect(again.headers.get('etag')).toBe(response.headers.get('etag'));
    expect((await again.json()).collectionMetadata.title).toBe('Campaign');
    const listed = await items(body.id);
    expect(listed.self).toEqual([{ id: body.id, type: 'collection' }]);
    expect(listed.items.map((i) => i['repo:name'])).toEqual(['kite.jpg', 'aqua.jpg']);
    const all = await (await e.fetch(`${BASE}?limit=50`, { headers: READER })).json();
    expect(all.items.map((c: { id: string }) => c.id)).toContain(body.id);
  });

  it('needs a token that may write: 401 without one, 403 with a reader token; contributors may', async () => {
    await expectProblem(await create({ title: 't', items: [] }, {}), 401, 'Authorization');
    await expectProblem(await create({ title: 't', items: [] }, READER), 403, 'Authorization', /contributor or editor/);
    expect((await create({ title: 'by a contributor', items: [] }, CONTRIBUTOR)).status).toBe(201);
  });

  it('rejects bad bodies with a 4xx naming the field', async () => {
    await expectProblem(await create({ items: [] }), 400, 'title');
    await expectProblem(await create({ title: '  ', items: [] }), 400, 'title');
    await expectProblem(await create({ title: 't' }), 400, 'items');
    await expectProblem(await create({ title: 't', items: [{ id: e.idOf('kite.jpg'), type: 'folder' }] }), 400, 'items[0].type');
    await expectProblem(await create({ title: 't', items: [{ id: 'urn:cid:aem:x', type: 'asset' }] }), 400, 'items[0].id');
    await expectProblem(await create({ title: 't', items: [{ id: 'urn:aaid:aem:00000000-0000-4000-8000-000000000000', type: 'asset' }] }), 400, 'items[0].id', /no asset/);
    await expectProblem(await create({ title: 't', items: Array.from({ length: 1001 }, () => asset('kite.jpg')) }), 400, 'items', /at most 1000/);
    await expectProblem(await create({ title: 'x'.repeat(300), items: [] }), 400, 'title');
    await expectProblem(await e.fetch(BASE, { method: 'POST', headers: { ...EDITOR, 'Content-Type': 'image/png' }, body: 'x' }), 415, 'Content-Type');
    await expectProblem(await e.fetch(BASE, { method: 'POST', headers: { ...EDITOR, ...JSON_TYPE }, body: '{' }), 400, 'body');
  });

  it('above the async threshold answers 202 with Location and Retry-After; the job status carries the new collection', async () => {
    const response = await create({ title: 'Big', items: [asset('kite.jpg'), asset('aqua.jpg'), asset('dune.jpg'), asset('wood.jpg')] });
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('1');
    const location = response.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${e.url}${BASE}/jobs/[0-9a-f-]{36}/status$`));
    const status = await untilDone(location);
    expect(status).toMatchObject({ operation: 'aem.assets.collections.createCollection', status: 200, errors: [], warnings: [] });
    expect((await items(status.data.collectionId)).items).toHaveLength(4);
  });
});

describe('experimental operations need X-Adobe-Accept-Experimental', () => {
  it('GET of a collection, of its items and of a job are a 400 naming the header without it; HEAD is not experimental', async () => {
    const id = e.emulator.context.catalog.collections[0]!.id;
    await expectProblem(await e.fetch(`${BASE}/${id}`, { headers: READER }), 400, 'X-Adobe-Accept-Experimental', /X-Adobe-Accept-Experimental: 1/);
    await expectProblem(await e.fetch(`${BASE}/${id}/items`, { headers: READER }), 400, 'X-Adobe-Accept-Experimental');
    await expectProblem(await e.fetch(`${BASE}/${id}`, { headers: { ...READER, 'X-Adobe-Accept-Experimental': '2' } }), 400, 'X-Adobe-Accept-Experimental', /only accepted value is 1/);
    await expectProblem(await e.fetch(`${BASE}/jobs/00000000-0000-4000-8000-000000000000/status`, { headers: READER }), 400, 'X-Adobe-Accept-Experimental');
    expect((await e.fetch(`${BASE}/${id}`, { method: 'HEAD' })).status).toBe(200);
    expect((await e.fetch(`${BASE}/${id}/items`, { method: 'HEAD' })).status).toBe(200);
    await expectProblem(await e.fetch(`${BASE}/jobs/00000000-0000-4000-8000-000000000000/status`, { headers: X }), 404, 'jobId');
  });
});

describe('POST /collections/{id} (title and description)', () => {
  it('428 without If-Match, 412 on a stale ETag, 204 with a new ETag on the current one', async () => {
    const created = await (await create({ title: 'Before', items: [] })).json();
    const url = `${BASE}/${created.id}`;
    const patch = (etag: string | null, body: unknown, type = 'application/json-patch+json') =>
      e.fetch(url, { method: 'POST', headers: { ...EDITOR, 'Content-Type': type, ...(etag ? { 'If-Match': etag } : {}) }, body: JSON.stringify(body) });
    const first = await etagOf(created.id);
    await expectProblem(await patch(null, { title: 'After' }), 428, 'If-Match');
    const ok = await patch(first, { title: 'After', description: 'Now' });
    expect(ok.status).toBe(204);
    const second = ok.headers.get('etag')!;
    expect(second).not.toBe(first);
    await expectProblem(await patch(first, { title: 'Lost update' }), 412, 'If-Match', /has changed/);
    expect((await (await read(created.id)).json()).collectionMetadata).toEqual({ title: 'After', description: 'Now' });
    // RFC 6902 form too.
    expect((await patch(second, [{ op: 'replace', path: '/title', value: 'Patched' }, { op: 'remove', path: '/description' }])).status).toBe(204);
    expect((await (await read(created.id)).json()).collectionMetadata).toEqual({ title: 'Patched', description: '' });
    expect((await patch('*', { description: 'any version' })).status).toBe(204);
    await expectProblem(await patch('*', [{ op: 'replace', path: '/id', value: 'x' }]), 400, '[0].path');
    await expectProblem(await patch('*', { title: '' }), 400, 'title');
    await expectProblem(await patch('*', { owner: 'me' }), 400, 'owner');
    await expectProblem(await patch('*', { title: 'x' }, 'text/csv'), 415, 'Content-Type');
    await expectProblem(await e.fetch(url, { method: 'POST', headers: { ...READER, 'If-Match': '*', ...JSON_TYPE }, body: '{"title":"x"}' }), 403, 'Authorization');
    await expectProblem(await e.fetch(`${BASE}/urn:cid:aem:00000000-0000-4000-8000-000000000000`, { method: 'POST', headers: { ...EDITOR, 'If-Match': '*', ...JSON_TYPE }, body: '{"title":"x"}' }), 404, 'collectionId');
    await expectProblem(await e.fetch(`${BASE}/not-an-id`, { method: 'POST', headers: { ...EDITOR, 'If-Match': '*', ...JSON_TYPE }, body: '{"title":"x"}' }), 400, 'collectionId');
  });
});

describe('POST /collections/{id}/items', () => {
  it('adds and removes in order; 428/412 on If-Match; a stale ETag changes nothing', async () => {
    const created = await (await create({ title: 'Items', items: [asset('kite.jpg')] })).json();
    const etag = await etagOf(created.id);
    await expectProblem(await patchItems(created.id, null, ops('add', ['aqua.jpg'])), 428, 'If-Match');
    const response = await patchItems(created.id, etag, [...ops('add', ['aqua.jpg', 'dune.jpg']), ...ops('remove', ['kite.jpg'])]);
    expect(response.status).toBe(204);
    expect((await items(created.id)).items.map((i) => i['repo:name'])).toEqual(['aqua.jpg', 'dune.jpg']);
    await expectProblem(await patchItems(created.id, etag, ops('add', ['wood.jpg'])), 412, 'If-Match');
    expect((await items(created.id)).items).toHaveLength(2);
    const now = response.headers.get('etag')!;
    await expectProblem(await patchItems(created.id, now, [{ op: 'move', ...asset('kite.jpg') }]), 400, '[0].op');
    await expectProblem(await patchItems(created.id, now, [{ op: 'add', id: created.id, type: 'collection' }]), 400, '[0].id', /itself/);
    await expectProblem(await patchItems(created.id, now, []), 400, 'body');
    await expectProblem(await patchItems(created.id, now, { op: 'add' }), 400, 'body');
    await expectProblem(await patchItems(created.id, now, ops('add', ['wood.jpg']), READER), 403, 'Authorization');
  });

  it('holds collections too, listed with their title', async () => {
    const inner = await (await create({ title: 'Inner', items: [] })).json();
    const outer = await (await create({ title: 'Outer', items: [{ id: inner.id, type: 'collection' }] })).json();
    expect((await items(outer.id)).items).toEqual([{ id: inner.id, type: 'collection', collectionMetadata: { title: 'Inner', description: '' } }]);
  });

  it('above the async threshold: 202, a job whose status reports what changed and warns about non-members', async () => {
    const created = await (await create({ title: 'Async items', items: [] })).json();
    const response = await patchItems(created.id, await etagOf(created.id), [...ops('add', ['kite.jpg', 'aqua.jpg', 'dune.jpg']), ...ops('remove', ['wood.jpg'])]);
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('1');
    const status = await untilDone(response.headers.get('location')!);
    expect(status).toMatchObject({ operation: 'aem.assets.collections.updateCollectionItems', status: 200, data: { added: 3, removed: 0 }, errors: [] });
    expect(status.warnings).toEqual([{ detail: expect.stringMatching(/^\[3\]\.id: .* was not in the collection$/) }]);
    expect((await items(created.id)).items).toHaveLength(3);
  });
});

describe('hidden assets never show in a collection', () => {
  it('an editor may add hidden assets; readers see neither them nor a count that betrays them', async () => {
    const hidden = [HIDDEN.rejected[0]!, HIDDEN.marketing[0]!];
    expect(ALL_HIDDEN).toEqual(expect.arrayContaining(hidden));
    const created = await (await create({ title: 'Mixed', items: [asset('kite.jpg'), ...hidden.map(asset)] })).json();
    expect((await items(created.id)).items.map((i) => i['repo:name'])).toEqual(['kite.jpg']);
    const anonymous = await (await e.fetch(`${BASE}/${created.id}/items`, { headers: X })).json();
    expect(anonymous.items).toHaveLength(1);
    // A role sees what it may: the marketing-restricted asset, nothing unapproved.
    const marketing = await items(created.id, { Authorization: 'Bearer dev-token-marketing' });
    const expected = ['kite.jpg', ...hidden.filter((n) => HIDDEN.marketing.includes(n))];
    expect(marketing.items.map((i) => i['repo:name'])).toEqual(expected);
    expect(JSON.stringify(await (await read(created.id)).json())).not.toMatch(/storm|evening/);
  });
});

describe('DELETE /collections/{id}', () => {
  it('428 without If-Match, 412 when stale, 204 and gone; a large one answers 202 and a job', async () => {
    const small = await (await create({ title: 'Doomed', items: [] })).json();
    const del = (id: string, etag: string | null) => e.fetch(`${BASE}/${id}`, { method: 'DELETE', headers: { ...EDITOR, ...(etag ? { 'If-Match': etag } : {}) } });
    await expectProblem(await del(small.id, null), 428, 'If-Match');
    await expectProblem(await del(small.id, '"0000"'), 412, 'If-Match');
    expect((await del(small.id, await etagOf(small.id))).status).toBe(204);
    await expectProblem(await read(small.id), 404, 'collectionId');
    await expectProblem(await del(small.id, '*'), 404, 'collectionId');

    const big = await untilDone((await create({ title: 'Large', items: ['kite.jpg', 'aqua.jpg', 'dune.jpg', 'wood.jpg'].map(asset) })).headers.get('location')!);
    const response = await del(big.data.collectionId, '*');
    expect(response.status).toBe(202);
    expect(await untilDone(response.headers.get('location')!)).toMatchObject({ operation: 'aem.assets.collections.deleteCollection', status: 200, description: 'Collection deleted successfully' });
    await expectProblem(await read(big.data.collectionId), 404, 'collectionId');
  });
});

describe('durable', () => {
  it('a collection created over the API comes back after a restart of the CLI on the same --data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collections-restart-'));
    try {
      const data = join(dir, 'data');
      let cli = await launchCli(data);
      const kite = e.idOf('kite.jpg');
      const made = await fetch(`${cli.url}${BASE}`, { method: 'POST', headers: { ...EDITOR, ...JSON_TYPE }, body: JSON.stringify({ title: 'Survives', items: [{ id: kite, type: 'asset' }] }) });
      expect(made.status).toBe(201);
      const { id } = await made.json();
      await cli.stop();
      cli = await launchCli(data);
      try {
        const back = await fetch(`${cli.url}${BASE}/${id}`, { headers: X });
        expect(back.status).toBe(200);
        expect(back.headers.get('etag')).toBe(made.headers.get('etag'));
        expect((await back.json()).collectionMetadata.title).toBe('Survives');
        const listed = await (await fetch(`${cli.url}${BASE}/${id}/items`, { headers: X })).json();
        expect(listed.items.map((i: { id: string }) => i.id)).toEqual([kite]);
      } finally {
        await cli.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
