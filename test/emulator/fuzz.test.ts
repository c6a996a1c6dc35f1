import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { ALL_HIDDEN } from './searchFixture.ts';

/**
 * Random and malformed requests against a real emulator on loopback: search bodies, paths,
 * delivery modifiers, reads and writes of the Assets HTTP API, and collections, archives and search tokens. Every answer must be a 2xx, 3xx or 4xx (4xx as problem+json), never a
 * 500 and never a hang, and memory must stay bounded. Seeded, so a failure reproduces:
 * `FUZZ_SEED=<seed> npx vitest run test/emulator/fuzz.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Bounded in count and in time, whichever comes first. */
const MAX_REQUESTS = 900;
const TIME_BUDGET_MS = 12_000;
const PARALLEL = 4;
const REQUEST_TIMEOUT_MS = 15_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;
const int = (max: number) => Math.floor(random() * max);

const WEIRD_TEXT = ['', ' ', '*', 'kite', 'KITE flower', 'café', 'Müller', '東京', '🌅', '\u0000', '\u202e', '"', '\\', '%', '%00', 'a'.repeat(5000), '<script>', 'null', '1e309'];
const FIELDS = [
  'repositoryMetadata.repo:name', 'repositoryMetadata.repo:size', 'repositoryMetadata.repo:createDate', 'assetMetadata.dc:title',
  'assetMetadata.xcm:keywords', 'metadata.assetMetadata.dc:creator', 'assetMetadata.dam:assetStatus', 'assetMetadata.g17', 'repositoryMetadata.',
  'other.x', '', 'assetMetadata.__proto__', 'assetMetadata.constructor', 'repositoryMetadata.toString', `assetMetadata.f${'x'.repeat(300)}`,
];
const SCALARS: unknown[] = [0, -1, 1.5, 1e308, -1e308, 2 ** 53, 'x', '', '2024-01-01T00:00:00Z', '2024-13-45', true, false, null, [], {}, [1, 2], { a: 1 }];

/** A query node: mostly well-formed, sometimes not. */
function randomNode(depth: number): unknown {
  if (chance(0.08)) return pick(SCALARS);
  const field = pick(FIELDS);
  switch (int(depth > 6 ? 5 : 9)) {
    case 0:
      return { match: chance(0.8) ? { text: pick(WEIRD_TEXT), ...(chance(0.3) ? { fields: [field] } : {}) } : { text: pick(SCALARS) } };
    case 1:
      return { term: { [field]: chance(0.7) ? [pick(SCALARS), pick(WEIRD_TEXT)] : pick(SCALARS) } };
    case 2:
      return { range: { [field]: { [pick(['gt', 'gte', 'lt', 'lte', 'eq'])]: pick(SCALARS), ...(chance(0.5) ? { lt: pick(SCALARS) } : {}) } } };
    case 3:
      return { exists: chance(0.8) ? { field } : pick(SCALARS) };
    case 4:
      return { [pick(['fuzzy', 'AND', '', '__proto__'])]: pick(SCALARS) };
    default:
      return { [pick(['and', 'or', 'not'])]: Array.from({ length: int(7) }, () => randomNode(depth + 1)) };
  }
}

function randomSearchBody(): string {
  const body: Record<string, unknown> = {};
  if (chance(0.95)) body.query = chance(0.9) ? Array.from({ length: int(7) }, () => randomNode(0)) : pick(SCALARS);
  if (chance(0.3)) body.orderBy = chance(0.7) ? `${pick(FIELDS)} ${pick(['asc', 'desc', 'up', ''])}${chance(0.3) ? `, ${pick(FIELDS)}` : ''}` : pick(SCALARS);
  if (chance(0.3)) body.limit = pick([1, 24, 50, 0, 51, -1, 1.5, '10', null]);
  if (chance(0.1)) body.cursor = pick(['', 'bogus', 'a.b', 'a.b.c', 'eyJ4IjoxfQ.xxxxxxxxxxxxxxxxxxxxxx', 5]);
  if (chance(0.2)) body.facets = chance(0.8) ? [{ type: pick(['CATEGORY', 'RANGE']), id: 'f', field: pick(FIELDS), size: pick([1, 10, 100, 101, 0, 'x']) }] : pick(SCALARS);
  if (chance(0.05)) body[pick(['extra', 'Query', ''])] = 1;
  const json = JSON.stringify(chance(0.05) ? pick(SCALARS) : body);
  // Malformed JSON: truncated, or with a stray byte.
  if (chance(0.1)) return json.slice(0, int(json.length));
  if (chance(0.05)) return `${json.slice(0, int(json.length))}\u0000${json.slice(int(json.length))}`;
  return json;
}

const MODIFIERS: Record<string, readonly string[]> = {
  width: ['1', '2', '16', '100', '320', '8192', '8193', '0', '-1', '', '1e3', ' 5', '0x10', '٣', 'NaN', '99999999999999999999'],
  height: ['1', '50', '320', '8192', '0', 'x'],
  dpr: ['0.0001', '0.3', '0.5', '1', '2', '4', '4.01', '0', '-1', '.5', 'Infinity', '1e-9'],
  fit: ['contain', 'constrain', 'crop', 'cover', ''],
  crop: ['0p,0p,50p,50p', '10.5p,10p,50.25p,50p', '60p,0p,50p,50p', '0p,0p,0p,0p', '0p,0p,100p,100p', '1,2,3,4', '99.99p,99.99p,0.01p,0.01p', 'p,p,p,p'],
  smartcrop: ['Square', 'Landscape', 'Portrait', 'Banner', 'Nope', '../x', ''],
  rotate: ['90', '180', '270', '45', '-90', '360'],
  flip: ['h', 'v', 'hv', 'vh', 'x'],
  quality: ['1', '50', '100', '0', '101'],
  'max-quality': ['1', '100', '0'],
  'auto-format': ['true', 'false', '1', '0', 'yes'],
  blur: ['0', '5', '100', '101', '-1'],
  sharpen: ['true', 'false', 'x'],
  'unsharp-mask': ['100,10', '500,1000,255,true', '100', '1,2,3,true,5', '-1,10', '100,10,256'],
  'background-color': ['rgb,FF0000', 'rgba,FF000080', 'gray,7F', 'graya,7fff', 'rgb,zz', 'red', ''],
  preset: ['thumbnail', 'card', 'hero', 'social', 'print-preview', 'nope'],
  attachment: ['true', '0', 'maybe'],
  brightness: ['10'],
  'width[1]': ['10'],
  v: ['3'],
};

function randomModifiers(): string {
  const keys = Object.keys(MODIFIERS);
  const query = new URLSearchParams();
  for (let i = int(6); i >= 0; i--) {
    const key = pick(keys);
    query.append(key, pick(MODIFIERS[key]!));
  }
  return query.toString();
}

const FORMATS = ['jpg', 'webp', 'png', 'jpeg', 'avif', 'gif', 'bmp', 'JPG', ''];
const SEO_NAMES = ['kite', 'M%C3%BCller', '%E6%9D%B1%E4%BA%AC', 'a.b.c', '..', '.', '%2e%2e', '%2F', '%', '%zz', '%00', 'x%20y', '-', '_'];

function randomPath(ids: string[]): string {
  const id = pick(ids);
  const seo = pick(SEO_NAMES);
  const shapes = [
    () => `/adobe/assets/${id}/as/${seo}.${pick(FORMATS)}?${randomModifiers()}`,
    () => `/adobe/assets/${id}`,
    () => `/adobe/assets/${id}/original/as/${seo}`,
    () => `/adobe/assets/${id}/renditions`,
    () => `/adobe/assets/${id}/renditions/${pick(['original', 'cq5dam.thumbnail.48.48.png', 'cq5dam.web.1280.1280.jpeg', 'x', '..', '%2e'])}/as/${seo}`,
    () => `/adobe/assets/${id}/smartCrops?limit=${pick(['1', '50', '0', 'x'])}`,
    () => `/adobe/assets/${id}/metadata`,
    () => `/adobe/assets/${id}/play`,
    () => `/adobe/assets/${id}/manifest.${pick(['m3u8', 'mpd', 'x'])}`,
    () => `/adobe/assets/deliver/${id}/${seo}`,
    () => `/adobe/assets/imagePresets?limit=${pick(['2', '50', '0', '-1', 'x'])}&cursor=${pick(['', 'bzE', 'bogus', 'bzk5OTk'])}`,
    () => `/adobe/assets/collections/${pick(['urn:cid:aem:0ce9a75f-7cd2-4e83-8019-d2e40e78c0d6', 'urn:cid:aem:x', id])}/${pick(['', 'items', 'x'])}`,
    () => `/${pick(['demo', 'dist', 'demo/catalog', 'demo/vanilla', 'adobe', '', '%2e%2e', 'demo/%2e%2e'])}/${pick(['storm.jpg', 'metadata.json', 'index.html', '..', 'x'])}`,
    () => `/${Array.from({ length: int(6) }, () => pick(['adobe', 'assets', id, 'as', seo, '', '.', '..', '%2e', '~', '?', '#', '%F0%9F'])).join('/')}`,
  ];
  return pick(shapes)();
}

const API_SEGMENTS = ['samples', 'kite.jpg', 'fuzz', 'fuzz-copy', 'x.json', '*', 'renditions', 'comments', 'original', 'cq5dam.thumbnail.48.48.png', '%2e%2e', '%3A', 'a%20b', '%00', '東京', '', 'x'.repeat(200)];
const API_BODIES: Array<[string | undefined, string | undefined]> = [
  ['application/json', '{"class":"assetFolder","properties":{"jcr:title":"Fuzz"}}'],
  ['application/json', '{"properties":{"dam:assetStatus":"approved","dc:title":"x"}}'],
  ['application/json', '{"properties":{"repo:path":"/x","__proto__":{"a":1},"dam:roles":[1]}}'],
  ['application/json', '{"properties":'],
  ['application/json', '[]'],
  ['application/x-www-form-urlencoded', 'name=fuzz-form&jcr%3Atitle=F'],
  ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nf.jpg\r\n--b--'],
  ['multipart/form-data', 'no boundary'],
  ['image/jpeg', 'not a jpeg'],
  ['image/png', '\x89PNG\r\n\x1a\n truncated'],
  ['text/plain', 'hello'],
  [undefined, undefined],
];

/** A request to the Assets HTTP API: any method, path, body and transfer headers. */
function randomApiRequest(): [string, string, string?, string?, Record<string, string>?] {
  const path = `/api/assets/${Array.from({ length: 1 + int(4) }, () => pick(API_SEGMENTS)).join('/')}${chance(0.3) ? '.json' : ''}${chance(0.2) ? `?limit=${pick(['1', '0', 'x'])}&offset=${pick(['0', '-1', '99'])}` : ''}`;
  const [contentType, body] = pick(API_BODIES);
  const headers: Record<string, string> = {};
  if (chance(0.7)) headers.Authorization = pick(['Bearer dev-token-editor', 'Bearer dev-token-contributor', 'Bearer dev-token', 'Bearer nope']);
  if (chance(0.5)) headers['X-Destination'] = pick(['/api/assets/fuzz-copy', '/api/assets/samples', 'http://x/api/assets/fuzz/y', '/content/dam/x', '%zz', '/api/assets/../x', '']);
  if (chance(0.3)) headers['X-Depth'] = pick(['0', 'infinity', '1']);
  if (chance(0.3)) headers['X-Overwrite'] = pick(['T', 'F', 'x']);
  if (chance(0.2)) headers['If-Match'] = pick(['"x"', '*']);
  return [pick(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY', 'MOVE']), path, body, contentType, headers];
}

const COLLECTION_IDS = ['urn:cid:aem:0ce9a75f-7cd2-4e83-8019-d2e40e78c0d6', 'urn:cid:aem:00000000-0000-4000-8000-000000000000', 'urn:cid:aem:x', 'jobs', '%00'];
const JSON_VALUES = ['{}', '[]', 'null', '"x"', '{"title":', '1e309', '{"__proto__":{"title":"x"}}'];

/** Writes on collections, archives and search tokens: any body, ids, If-Match and experimental header. */
function randomNewRouteRequest(ids: string[]): [string, string, string?, string?, Record<string, string>?] {
  const item = () => pick([{ id: pick(ids), type: pick(['asset', 'collection', 'x']) }, { op: pick(['add', 'remove', 'move', '']), id: pick([...ids, ...COLLECTION_IDS]), type: pick(['asset', 'collection']) }, pick(SCALARS)]);
  const items = () => Array.from({ length: int(chance(0.05) ? 1200 : 6) }, item);
  const headers: Record<string, string> = {};
  if (chance(0.7)) headers.Authorization = pick(['Bearer dev-token-editor', 'Bearer dev-token-contributor', 'Bearer dev-token', 'Bearer dmst.x.y']);
  if (chance(0.6)) headers['X-Adobe-Accept-Experimental'] = pick(['1', '0', '']);
  if (chance(0.5)) headers['If-Match'] = pick(['*', '"x"', 'W/"x"', '']);
  const collection = pick(COLLECTION_IDS);
  const archive = pick(['00000000-0000-4000-8000-000000000000', 'x', '%2e%2e']);
  const shapes: Array<() => [string, string, string?, string?, Record<string, string>?]> = [
    () => ['POST', '/adobe/assets/collections', chance(0.2) ? pick(JSON_VALUES) : JSON.stringify({ title: pick([...WEIRD_TEXT, 1, null]), description: pick([...WEIRD_TEXT, 2]), items: chance(0.8) ? items() : pick(SCALARS) }), pick(['application/json', 'text/plain', 'image/png']), headers],
    () => ['POST', `/adobe/assets/collections/${collection}`, chance(0.3) ? pick(JSON_VALUES) : JSON.stringify(chance(0.5) ? { title: pick(WEIRD_TEXT), description: pick(SCALARS) } : [{ op: pick(['replace', 'remove', 'copy']), path: pick(['/title', '/description', '/id', '']), value: pick([...WEIRD_TEXT, ...SCALARS]) }]), pick(['application/json-patch+json', 'application/json', 'text/csv']), headers],
    () => ['DELETE', `/adobe/assets/collections/${collection}`, undefined, undefined, headers],
    () => ['POST', `/adobe/assets/collections/${collection}/items`, chance(0.2) ? pick(JSON_VALUES) : JSON.stringify(items()), 'application/json', headers],
    () => ['GET', `/adobe/assets/collections/jobs/${pick(['00000000-0000-4000-8000-000000000000', 'x', ''])}/status`, undefined, undefined, headers],
    () => ['POST', '/adobe/assets/archives', chance(0.2) ? pick(JSON_VALUES) : JSON.stringify({ items: Array.from({ length: int(chance(0.05) ? 600 : 5) }, () => ({ assetId: pick([...ids, ...WEIRD_TEXT]), renditions: chance(0.3) ? { include: pick([['original'], 'x', [1]]), exclude: pick([['original'], [], null]) } : undefined })), format: pick(['zip', 'tar', undefined]), namePrefix: pick([...WEIRD_TEXT, 5]) }), 'application/json', headers],
    () => ['GET', `/adobe/assets/archives/${archive}/status`, undefined, undefined, headers],
    () => ['GET', `/adobe/assets/archives/${archive}/files/${pick(['assets.zip', '..', '%00'])}?token=${pick(['', '1.x', `9999999999.${'A'.repeat(43)}`, '%zz'])}`, undefined, undefined, headers],
    () => ['POST', '/adobe/assets/search/token', chance(0.2) ? pick(JSON_VALUES) : JSON.stringify({ indexes: pick([['assets'], ['x'], [], 'assets', ['assets', 'collections']]), operationType: pick(['search', 'settings', 'x', 3]) }), 'application/json', headers],
  ];
  return pick(shapes)();
}

interface Outcome {
  status: number;
  contentType: string;
  body: Buffer;
}

/** One request, path sent exactly as written; undefined when Node's client itself refuses it. */
function send(base: string, method: string, path: string, body?: string, contentType?: string, extra: Record<string, string> = {}): Promise<Outcome | undefined> {
  return new Promise((done, fail) => {
    let req;
    try {
      req = request(`${base}/`, {
        method,
        path,
        // A body always with its length: Node's client sends a GET, HEAD or DELETE body without one.
        headers: { ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...(contentType ? { 'Content-Type': contentType } : {}), ...(chance(0.1) ? { Authorization: pick(['Bearer dev-token', 'Bearer nope', 'Basic x', 'Bearer']) } : {}), ...extra },
        timeout: REQUEST_TIMEOUT_MS,
      });
    } catch {
      done(undefined);
      return;
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => {
      req.destroy();
      fail(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${method} ${path}`));
    });
    req.on('error', fail);
    req.end(body);
  });
}

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

describe(`fuzz (seed ${SEED})`, () => {
  it('answers every random and malformed request with a 2xx, 3xx or problem+json 4xx, and memory stays bounded', { timeout: 60_000 }, async () => {
    console.info(`fuzz: seed ${SEED}; reproduce with FUZZ_SEED=${SEED}`);
    const ids = [
      ...['kite.jpg', 'coffee.jpg', 'kite-flight.mp4', 'brand-guidelines.pdf', ALL_HIDDEN[0]!, ALL_HIDDEN[3]!].map((name) => e.idOf(name)),
      'urn:aaid:aem:00000000-0000-4000-8000-000000000000', 'not-an-id', 'urn:aaid:aem:', '%75rn:aaid:aem:x', 'imagePresets', 'search',
    ];
    const rssBefore = process.memoryUsage().rss;
    const deadline = performance.now() + TIME_BUDGET_MS;
    const statuses = new Map<number, number>();
    let sent = 0;

    const next = (): [string, string, string?, string?, Record<string, string>?] => {
      const kind = random();
      if (kind < 0.15) return randomApiRequest();
      if (kind < 0.27) return randomNewRouteRequest(ids);
      if (kind < 0.4) return ['POST', '/adobe/assets/search', randomSearchBody(), pick(['application/json', 'application/json', 'text/plain', 'application/xml', ''])];
      if (kind < 0.5) return ['GET', `/adobe/assets/${e.idOf(pick(['kite.jpg', 'coffee.jpg', 'astronaut.jpg']))}/as/${pick(SEO_NAMES)}.${pick(FORMATS)}?${randomModifiers()}`];
      return [pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'PATCH']), randomPath(ids)];
    };

    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (sent < MAX_REQUESTS && performance.now() < deadline) {
          sent++;
          const [method, path, body, contentType, headers] = next();
          const where = `${method} ${path.slice(0, 200)} ${JSON.stringify(headers ?? {})} ${body?.slice(0, 200) ?? ''} (FUZZ_SEED=${SEED})`;
          const answer = await send(e.url, method, path, body, contentType, headers).catch((error: Error) => {
            throw new Error(`${where}: ${error.message}`);
          });
          if (!answer) continue;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status, where).toBeGreaterThanOrEqual(200);
          expect(answer.status, `${where}: ${answer.body.toString().slice(0, 300)}`).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.contentType, where).toBe('application/problem+json');
            if (method !== 'HEAD') expect(JSON.parse(answer.body.toString()), where).toMatchObject({ status: answer.status, detail: expect.any(String) });
          }
        }
      }),
    );

    console.info(`fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(sent).toBeGreaterThan(100);
    // Every kind of answer came up, so the fuzzer reached past validation.
    expect([...statuses.keys()].some((s) => s === 200)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 404)).toBe(true);

    // Bounded memory: the caches clients can fill stay within their budgets...
    const { index, search, transforms } = e.emulator.context;
    const indexStats = index.cacheStats();
    expect(indexStats.structures).toBeLessThanOrEqual(4 * indexStats.knownFields);
    const searchStats = search.cacheStats();
    expect(searchStats.hits.bytes).toBeLessThanOrEqual(searchStats.hits.maxBytes);
    expect(searchStats.orders.bytes).toBeLessThanOrEqual(searchStats.orders.maxBytes);
    expect(transforms.stats()).toMatchObject({ running: 0, queued: 0 });
    // ...and the process (this test runner included) grew by far less than unbounded caches would.
    const grownMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.info(`fuzz: resident memory grew by ${grownMb.toFixed(0)} MB`);
    expect(grownMb).toBeLessThan(400);

    // And it still serves.
    expect((await e.search({ query: [{ match: { text: 'kite' } }] })).status).toBe(200);
  });
});
