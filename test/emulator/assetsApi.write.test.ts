import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE_CATALOG_DIR } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { assetsApi, bytes, CONTRIBUTOR, expectProblem, makeImage, READER } from './assetsApiFixture.ts';

let e: TestEmulator;
let api: ReturnType<typeof assetsApi>;
beforeAll(async () => {
  e = await startTestEmulator({ uploadLimit: 256 * 1024 });
  api = assetsApi(e);
  expect((await api.createFolder('/uploads', 'Uploads')).status).toBe(201);
});
afterAll(() => e.close());

describe('create a folder', () => {
  it('from Siren JSON: 201 with Location and the folder, then 409 for the same path', async () => {
    const response = await api.createFolder('/uploads/json-made', 'Made from JSON');
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${e.url}/api/assets/uploads/json-made.json`);
    const body = await response.json();
    expect(body).toMatchObject({ class: ['assets/folder'], properties: { name: 'json-made', 'dc:title': 'Made from JSON', 'repo:path': '/content/dam/uploads/json-made' } });
    expect(body.links).toContainEqual({ rel: ['parent'], href: `${e.url}/api/assets/uploads.json` });
    await expectProblem(await api.createFolder('/uploads/json-made'), 409, 'path', /already exists/);
  });

  it('from a form with "*" and from query parameters', async () => {
    const form = new URLSearchParams({ name: 'form-made', 'jcr:title': 'Made from a form' });
    const response = await api.api('/uploads/*', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expect(response.status).toBe(201);
    expect((await api.json('/uploads/form-made.json')).properties['dc:title']).toBe('Made from a form');
    const multipart = new FormData();
    multipart.set('name', 'multipart-made');
    expect((await api.api('/uploads/*', { method: 'POST', body: multipart })).status).toBe(201);
    expect((await api.api('/uploads/query-made?jcr:title=From%20the%20query', { method: 'POST' })).status).toBe(201);
    expect((await api.json('/uploads/query-made.json')).properties['dc:title']).toBe('From the query');
  });

  it('412 when the parent is missing, 400 for a bad name', async () => {
    await expectProblem(await api.createFolder('/nowhere/deeper'), 412, 'path', /does not exist/);
    const bad = new URLSearchParams({ name: 'a:b' });
    await expectProblem(await api.api('/uploads/*', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: bad }), 400, 'name');
    await expectProblem(await api.createFolder('/uploads/%20padded'), 400, 'path', /space/);
  });
});

describe('create an asset', () => {
  it('from the raw body: 201, measured from the bytes, waiting for approval', async () => {
    const response = await api.upload('/uploads/raw.png', await makeImage(300, 200, 'png'), 'image/png');
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${e.url}/api/assets/uploads/raw.png.json`);
    const body = await response.json();
    expect(body.properties).toMatchObject({
      name: 'raw.png',
      'repo:path': '/content/dam/uploads/raw.png',
      'dc:format': 'image/png',
      'tiff:ImageWidth': 300,
      'tiff:ImageLength': 200,
      'dam:assetStatus': 'draft',
      'dc:title': 'Raw',
    });
    expect(body.properties['repo:assetId']).toMatch(/^urn:aaid:aem:[0-9a-f-]{36}$/);
    expect(body.links.find((l: { rel: string[] }) => l.rel[0] === 'thumbnail').href).toBe(`${e.url}/api/assets/uploads/raw.png/renditions/cq5dam.thumbnail.319.319.png`);
    await expectProblem(await api.upload('/uploads/raw.png', await makeImage(10, 10, 'png'), 'image/png'), 409, 'path', /already exists/);
  });

  it('from a multipart form (FormData) with "*", the name from the field or the file name', async () => {
    const response = await api.uploadForm('/uploads', 'form.webp', await makeImage(64, 32, 'webp'), 'image/webp', { 'jcr:title': 'A form upload', 'xcm:keywords': 'ignored-as-text' });
    expect(response.status).toBe(201);
    expect((await response.json()).properties).toMatchObject({ name: 'form.webp', 'dc:title': 'A form upload', 'tiff:ImageWidth': 64 });
    const form = new FormData();
    form.set('file', new Blob([await makeImage(20, 20)], { type: 'image/jpeg' }), 'from-file-name.jpg');
    expect((await api.api('/uploads/*', { method: 'POST', body: form })).status).toBe(201);
    expect((await api.json('/uploads/from-file-name.jpg.json')).properties['dc:format']).toBe('image/jpeg');
  });

  it('takes a video and a PDF, measured from their files', async () => {
    const video = bytes(await readFile(join(SAMPLE_CATALOG_DIR, 'kite-flight.mp4')));
    expect((await api.upload('/uploads/clip.mp4', video, 'video/mp4')).status).toBe(201);
    expect((await api.json('/uploads/clip.mp4.json')).properties).toMatchObject({ 'tiff:ImageWidth': 640, 'tiff:ImageLength': 360, 'dc:format': 'video/mp4' });
    const pdf = bytes(await readFile(join(SAMPLE_CATALOG_DIR, 'brand-guidelines.pdf')));
    expect((await api.upload('/uploads/guide.pdf', pdf, 'application/octet-stream')).status).toBe(201);
    expect((await api.json('/uploads/guide.pdf.json')).properties['dc:format']).toBe('application/pdf');
  });

  it('413 naming file over the size limit, for raw bodies and forms, and keeps nothing', async () => {
    const store = e.emulator.context.repository.store;
    const before = await store.binaries.list();
    const big = bytes(Buffer.alloc(300 * 1024, 1));
    await expectProblem(await api.upload('/uploads/big.jpg', big), 413, 'file', /256 KiB/);
    await expectProblem(await api.uploadForm('/uploads', 'big2.jpg', big), 413, 'file');
    // Streamed (no Content-Length): the limit holds while reading.
    const stream = new ReadableStream({ start: (c) => (c.enqueue(big), c.close()) });
    await expectProblem(await api.api('/uploads/big3.jpg', { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: stream, duplex: 'half' } as RequestInit), 413, 'file');
    expect((await api.api('/uploads/big.jpg.json')).status).toBe(404);
    expect(await store.binaries.list()).toEqual(before);
    expect(await readdir(join(store.dir, 'tmp'))).toEqual([]);
  });

  it('415 naming Content-Type for a type the repository does not take; 400 when the bytes are not what they claim', async () => {
    await expectProblem(await api.upload('/uploads/x.txt', bytes(Buffer.from('hello')), 'text/plain'), 415, 'Content-Type', /image\/jpeg/);
    await expectProblem(await api.upload('/uploads/fake.png', await makeImage(10, 10, 'jpeg'), 'image/png'), 400, 'Content-Type', /says image\/png but the bytes are image\/jpeg/);
    const truncated = bytes((await makeImage(400, 400, 'png')).subarray(0, 300));
    await expectProblem(await api.upload('/uploads/cut.png', truncated, 'image/png'), 400, 'Content-Type', /do not decode/);
    await expectProblem(await api.uploadForm('/uploads', 'f.gif', bytes(Buffer.from('GIF89a-not-really')), 'image/gif'), 400, 'file');
    await expectProblem(await api.upload('/uploads/empty.jpg', bytes(Buffer.alloc(0))), 400, 'file', /empty/);
    await expectProblem(await api.upload('/nowhere/x.jpg', await makeImage(10, 10)), 412, 'path');
  });
});

describe('update an asset', () => {
  it('PUT of a new binary: 200, new size and dimensions, a new ETag', async () => {
    const before = await api.api('/uploads/raw.png.json');
    const etag = before.headers.get('etag');
    const response = await api.api('/uploads/raw.png', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: await makeImage(120, 90, 'png') });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).not.toBe(etag);
    expect((await response.json()).properties).toMatchObject({ 'tiff:ImageWidth': 120, 'tiff:ImageLength': 90 });
    const original = await api.api('/uploads/raw.png/renditions/original');
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(120);
    expect((await api.api('/uploads/none.png', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: await makeImage(5, 5, 'png') })).status).toBe(404);
  });

  it('PUT of properties: jcr: and dc: names set one field, shown as dc:', async () => {
    const response = await api.setProperties('/uploads/raw.png', { 'jcr:title': 'Titled through jcr', 'dc:description': 'Described', 'xcm:keywords': ['one', 'two'] });
    expect(response.status).toBe(200);
    const { properties } = await response.json();
    expect(properties).toMatchObject({ 'dc:title': 'Titled through jcr', 'dc:description': 'Described', 'xcm:keywords': ['one', 'two'] });
    expect(properties['jcr:title']).toBeUndefined();
    const removed = await (await api.setProperties('/uploads/raw.png', { 'dc:description': null })).json();
    expect(removed.properties['dc:description']).toBeUndefined();
  });

  it('refuses what the repository sets, and bad values, naming the property', async () => {
    await expectProblem(await api.setProperties('/uploads/raw.png', { 'repo:size': 1 }), 400, 'properties.repo:size');
    await expectProblem(await api.setProperties('/uploads/raw.png', { 'tiff:ImageWidth': 1 }), 400, 'properties.tiff:ImageWidth');
    await expectProblem(await api.setProperties('/uploads/raw.png', { 'dam:assetStatus': 'maybe' }), 400, 'properties.dam:assetStatus');
    await expectProblem(await api.setProperties('/uploads/raw.png', { offTime: 'tomorrow' }), 400, 'properties.offTime');
    await expectProblem(await api.setProperties('/uploads/raw.png', { nonamespace: 1 }), 400, 'properties.nonamespace');
    await expectProblem(await api.setProperties('/uploads/raw.png', { 'dc:creator': { nested: true } }), 400, 'properties.dc:creator');
    await expectProblem(await api.api('/uploads/raw.png', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"properties":' }), 400, 'body');
  });

  it('If-Match: 412 for a stale ETag, 200 for the current one', async () => {
    const etag = (await api.api('/uploads/raw.png.json')).headers.get('etag')!;
    await expectProblem(await api.setProperties('/uploads/raw.png', { 'dc:rights': 'x' }, { 'If-Match': '"stale"' }), 412, 'If-Match');
    expect((await api.setProperties('/uploads/raw.png', { 'dc:rights': 'x' }, { 'If-Match': etag })).status).toBe(200);
  });
});

describe('who may write', () => {
  it('401 without a token, 403 for a token that may not write, 403 naming dam:assetStatus for a contributor', async () => {
    const anonymous = assetsApi(e, {});
    await expectProblem(await anonymous.createFolder('/uploads/anon'), 401, 'Authorization');
    await expectProblem(await assetsApi(e, READER).createFolder('/uploads/reader'), 403, 'Authorization');
    await expectProblem(await assetsApi(e, { Authorization: 'Bearer nope' }).createFolder('/uploads/bad'), 401, 'Authorization');
    const contributor = assetsApi(e, CONTRIBUTOR);
    expect((await contributor.upload('/uploads/by-contributor.jpg', await makeImage(30, 30))).status).toBe(201);
    expect((await contributor.setProperties('/uploads/by-contributor.jpg', { 'dc:title': 'Fine' })).status).toBe(200);
    await expectProblem(await contributor.setProperties('/uploads/by-contributor.jpg', { 'dam:assetStatus': 'approved' }), 403, 'dam:assetStatus', /editor/);
    // Sending back the status it already has is no change, and no approval.
    expect((await contributor.setProperties('/uploads/by-contributor.jpg', { 'dam:assetStatus': 'draft', 'dc:title': 'Still a draft' })).status).toBe(200);
    await expectProblem(await contributor.setProperties('/uploads/by-contributor.jpg', { offTime: '2030-01-01T00:00:00Z' }), 403, 'offTime');
    await expectProblem(await contributor.uploadForm('/uploads', 'sneaky.jpg', await makeImage(8, 8), 'image/jpeg', { 'dam:assetStatus': 'approved' }), 403, 'dam:assetStatus');
    expect((await api.uploadForm('/uploads', 'approved-at-once.jpg', await makeImage(8, 8), 'image/jpeg', { 'dam:assetStatus': 'approved' })).status).toBe(201);
  });

  it('answers CORS preflights for the write methods and headers', async () => {
    const response = await e.fetch('/api/assets/uploads/x.jpg', {
      method: 'OPTIONS',
      headers: { Origin: 'http://host.test', 'Access-Control-Request-Method': 'MOVE', 'Access-Control-Request-Headers': 'authorization,x-destination,x-overwrite,x-depth,if-match,content-type' },
    });
    expect(response.status).toBe(204);
    for (const method of ['PUT', 'DELETE', 'COPY', 'MOVE', 'POST']) expect(response.headers.get('access-control-allow-methods')).toContain(method);
    for (const header of ['X-Destination', 'X-Depth', 'X-Overwrite', 'If-Match', 'Authorization']) expect(response.headers.get('access-control-allow-headers')).toContain(header);
    const created = await api.upload('/uploads/cors.jpg', await makeImage(8, 8));
    expect(created.headers.get('access-control-expose-headers')).toContain('Location');
  });
});

describe('renditions and comments', () => {
  it('create (201), replace (200), read and delete (200) a rendition; the original cannot be deleted', async () => {
    const created = await api.api('/uploads/raw.png/renditions/web-rendition', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: await makeImage(50, 40, 'png') });
    expect(created.status).toBe(201);
    await expectProblem(await api.api('/uploads/raw.png/renditions/web-rendition', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: await makeImage(5, 5, 'png') }), 409, 'name');
    const form = new FormData();
    form.set('name', 'form-rendition');
    form.set('file', new Blob([await makeImage(33, 33, 'png')], { type: 'image/png' }), 'r.png');
    expect((await api.api('/uploads/raw.png/renditions/*', { method: 'POST', body: form })).status).toBe(201);
    expect((await api.api('/uploads/raw.png/renditions/web-rendition', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: await makeImage(60, 45, 'png') })).status).toBe(200);
    const read = await api.api('/uploads/raw.png/renditions/web-rendition');
    expect((await sharp(Buffer.from(await read.arrayBuffer())).metadata()).width).toBe(60);
    const listed = (await api.json('/uploads/raw.png.json')).entities!.filter((x) => x.class[0] === 'assets/rendition').map((x) => x.properties.name);
    expect(listed).toEqual(expect.arrayContaining(['original', 'cq5dam.thumbnail.319.319.png', 'web-rendition', 'form-rendition']));
    const thumbnail = await api.api('/uploads/raw.png/renditions/cq5dam.thumbnail.48.48.png');
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(48);
    expect((await api.api('/uploads/raw.png/renditions/web-rendition', { method: 'DELETE' })).status).toBe(200);
    expect((await api.api('/uploads/raw.png/renditions/web-rendition')).status).toBe(404);
    await expectProblem(await api.api('/uploads/raw.png/renditions/original', { method: 'DELETE' }), 409, 'renditionName');
    await expectProblem(await api.api('/uploads/raw.png/renditions/gone', { method: 'DELETE' }), 404, 'renditionName');
  });

  it('creates comments (201) from a form or JSON and lists them on the asset', async () => {
    const form = new FormData();
    form.set('message', 'Hello World.');
    form.set('annotationData', '{"x":1}');
    const response = await api.api('/uploads/raw.png/comments/*', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ class: ['assets/comment'], properties: { message: 'Hello World.', annotationData: { x: 1 } } });
    expect((await api.api('/uploads/raw.png/comments/*', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"message":"Second"}' })).status).toBe(201);
    await expectProblem(await api.api('/uploads/raw.png/comments/*', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 400, 'message');
    await expectProblem(await api.api('/uploads/raw.png/comments/*', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"message":"x","annotationData":"{"}' }), 400, 'annotationData');
    const comments = (await api.json('/uploads/raw.png.json')).entities!.filter((x) => x.class[0] === 'assets/comment').map((x) => x.properties.message);
    expect(comments).toEqual(['Hello World.', 'Second']);
    expect((await api.api('/uploads/missing.png/comments/*', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"message":"x"}' })).status).toBe(404);
  });
});

describe('copy, move and delete', () => {
  beforeAll(async () => {
    await api.createFolder('/tree');
    await api.createFolder('/tree/sub');
    await api.upload('/tree/a.jpg', await makeImage(40, 30));
    await api.upload('/tree/sub/b.jpg', await makeImage(20, 10));
  });

  it('COPY an asset: 201 with a new id, then 204 over it, 412 with X-Overwrite F or without X-Destination', async () => {
    const source = await api.json('/tree/a.jpg.json');
    const copy = await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree/a-copy.jpg' } });
    expect(copy.status).toBe(201);
    const copied = await api.json('/tree/a-copy.jpg.json');
    expect(copied.properties['repo:assetId']).not.toBe(source.properties['repo:assetId']);
    expect(copied.properties).toMatchObject({ 'tiff:ImageWidth': 40, 'repo:path': '/content/dam/tree/a-copy.jpg', name: 'a-copy.jpg' });
    expect((await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': `${e.url}/api/assets/tree/a-copy.jpg` } })).status).toBe(204);
    await expectProblem(await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree/a-copy.jpg', 'X-Overwrite': 'F' } }), 412, 'X-Overwrite');
    await expectProblem(await api.api('/tree/a.jpg', { method: 'COPY' }), 412, 'X-Destination');
    await expectProblem(await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': '/content/dam/x.jpg' } }), 400, 'X-Destination');
    await expectProblem(await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': '/api/assets/missing/x.jpg' } }), 409, 'X-Destination');
    await expectProblem(await api.api('/tree/a.jpg', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree/z.jpg', 'X-Depth': '2' } }), 400, 'X-Depth');
  });

  it('COPY a folder with X-Depth infinity (everything) and 0 (the folder alone)', async () => {
    expect((await api.api('/tree', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree-copy' } })).status).toBe(201);
    expect((await api.json('/tree-copy/sub/b.jpg.json')).properties['tiff:ImageWidth']).toBe(20);
    expect((await api.api('/tree', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree-empty', 'X-Depth': '0' } })).status).toBe(201);
    expect((await api.json('/tree-empty.json')).properties['srn:paging'].total).toBe(0);
    await expectProblem(await api.api('/tree', { method: 'COPY', headers: { 'X-Destination': '/api/assets/tree/sub/inside' } }), 409, 'X-Destination', /inside/);
  });

  it('MOVE keeps the id and moves a folder with its contents', async () => {
    const id = (await api.json('/tree-copy/sub/b.jpg.json')).properties['repo:assetId'];
    expect((await api.api('/tree-copy/sub', { method: 'MOVE', headers: { 'X-Destination': '/api/assets/uploads/moved-sub' } })).status).toBe(201);
    const moved = await api.json('/uploads/moved-sub/b.jpg.json');
    expect(moved.properties).toMatchObject({ 'repo:assetId': id, 'repo:path': '/content/dam/uploads/moved-sub/b.jpg' });
    expect((await api.api('/tree-copy/sub.json')).status).toBe(404);
    expect((await api.api('/uploads/moved-sub/b.jpg', { method: 'MOVE', headers: { 'X-Destination': '/api/assets/uploads/moved-sub/renamed.jpg' } })).status).toBe(201);
    expect((await api.json('/uploads/moved-sub/renamed.jpg.json')).properties).toMatchObject({ 'repo:assetId': id, name: 'renamed.jpg' });
  });

  it('DELETE an asset and a folder tree (200), 404 after, 409 for the root', async () => {
    expect((await api.api('/tree-copy/a.jpg', { method: 'DELETE' })).status).toBe(200);
    expect((await api.api('/tree-copy/a.jpg.json')).status).toBe(404);
    expect((await api.api('/tree-copy', { method: 'DELETE' })).status).toBe(200);
    expect((await api.api('/tree-copy.json')).status).toBe(404);
    await expectProblem(await api.api('/tree-copy', { method: 'DELETE' }), 404, 'path');
    await expectProblem(await api.api('', { method: 'DELETE' }), 409, 'path', /root/);
  });

  it('a deleted asset leaves its collections', async () => {
    const collection = e.emulator.context.catalog.collections.find((c) => c.items.includes(e.idOf('kite.jpg')))!;
    const items = async () => (await (await e.fetch(`/adobe/assets/collections/${collection.id}/items`, { headers: { Authorization: 'Bearer dev-token', 'X-Adobe-Accept-Experimental': '1' } })).json()).items.map((i: { id: string }) => i.id);
    expect(await items()).toContain(e.idOf('kite.jpg'));
    expect((await api.api('/samples/kite.jpg', { method: 'DELETE' })).status).toBe(200);
    expect(await items()).not.toContain(e.idOf('kite.jpg'));
  });

  it('deletes a binary once no asset refers to it', async () => {
    const binaries = e.emulator.context.repository.store.binaries;
    const bytes = await makeImage(77, 77, 'png', '#123456');
    await api.upload('/uploads/shared-1.png', bytes, 'image/png');
    await api.api('/uploads/shared-1.png', { method: 'COPY', headers: { 'X-Destination': '/api/assets/uploads/shared-2.png' } });
    const count = (await binaries.list()).length;
    await api.api('/uploads/shared-1.png', { method: 'DELETE' });
    expect((await binaries.list()).length).toBe(count);
    await api.api('/uploads/shared-2.png', { method: 'DELETE' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await binaries.list()).length).toBe(count - 1);
  });
});
