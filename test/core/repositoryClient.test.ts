import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepositoryClient, retryAfterMs } from '../../src/core/repositoryClient.ts';
import { SelectorError } from '../../src/core/selectorError.ts';
import { foldQuery, match } from '../../src/core/queryBuilder.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';

const ID = 'urn:aaid:aem:1a034bee-ebda-4787-bad3-f924d0772b75';
const OK_SEARCH = { hits: { results: [{ assetId: ID, repositoryMetadata: { 'repo:name': 'kite.jpg' }, assetMetadata: {} }] }, search_metadata: { count: 1, totalCount: { total: 1, relation: 'eq' } } };
const SEARCH = { query: [{ match: { text: 'kite' } }] };

interface Seen {
  at: number;
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real HTTP server answering each request with `handler` (n counts from 1), recording what it saw. */
async function serve(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ at: performance.now(), method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  servers.push(close);
  return { url, seen, close };
}
const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A `sleep` for the client that records each wait and returns at once (no real time passes). */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('createRepositoryClient against a local server', () => {
  it('sends the search as JSON with Authorization and X-Api-Key, and returns the checked response', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 200, OK_SEARCH));
    const client = createRepositoryClient({ repository: url, token: 'tok', apiKey: 'key' });
    const response = await client.search(SEARCH);
    expect(response.hits.results[0]!.assetId).toBe(ID);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/adobe/assets/search' });
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer tok', 'x-api-key': 'key', 'content-type': 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual(SEARCH);
  });

  it('retries 503 twice, waiting what Retry-After: 1 says each time, then succeeds (3 requests)', async () => {
    const { url, seen } = await serve((_req, res, n) => (n <= 2 ? json(res, 503, { status: 503, detail: 'busy' }, { 'Retry-After': '1' }) : json(res, 200, OK_SEARCH)));
    const sleeper = recordingSleep();
    const client = createRepositoryClient({ repository: url, retryBaseMs: 1, sleep: sleeper.sleep });
    await expect(client.search(SEARCH)).resolves.toMatchObject({ search_metadata: { count: 1 } });
    expect(seen).toHaveLength(3);
    expect(sleeper.waits).toEqual([1000, 1000]);
  });

  it('retries 429 after its Retry-After, capped at maxRetryDelayMs', async () => {
    const { url, seen } = await serve((_req, res, n) => (n === 1 ? json(res, 429, { status: 429, detail: 'slow down' }, { 'Retry-After': '120' }) : json(res, 200, { items: [] })));
    const sleeper = recordingSleep();
    await expect(createRepositoryClient({ repository: url, retryBaseMs: 1, maxRetryDelayMs: 5000, sleep: sleeper.sleep }).imagePresets()).resolves.toEqual({ items: [] });
    expect(seen).toHaveLength(2);
    expect(sleeper.waits).toEqual([5000]);
  });

  it('without Retry-After, backs off with full jitter: a random wait up to base × 2^attempt', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 503, { status: 503 }));
    const sleeper = recordingSleep();
    await rejection(createRepositoryClient({ repository: url, retries: 3, retryBaseMs: 100, sleep: sleeper.sleep }).search(SEARCH));
    expect(seen).toHaveLength(4);
    expect(sleeper.waits).toHaveLength(3);
    sleeper.waits.forEach((wait, attempt) => {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(100 * 2 ** attempt);
    });
  });

  it('waits with a real timer by default', async () => {
    const { url, seen } = await serve((_req, res, n) => (n === 1 ? json(res, 503, { status: 503 }, { 'Retry-After': '0' }) : json(res, 200, { items: [] })));
    await expect(createRepositoryClient({ repository: url }).imagePresets()).resolves.toEqual({ items: [] });
    expect(seen).toHaveLength(2);
  });

  it('gives up after `retries` with unavailable, carrying the problem', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 500, { title: 'Internal', status: 500, detail: 'boom' }));
    const error = await rejection(createRepositoryClient({ repository: url, retries: 2, retryBaseMs: 1 }).search(SEARCH));
    expect(error).toBeInstanceOf(SelectorError);
    expect(error).toMatchObject({ code: 'unavailable', status: 500, problem: { detail: 'boom' }, retryable: true });
    expect(seen).toHaveLength(3);
  });

  it('asks the token function again after a 401 and uses the new token', async () => {
    const { url, seen } = await serve((req, res) => (req.headers.authorization === 'Bearer fresh' ? json(res, 200, OK_SEARCH) : json(res, 401, { status: 401, detail: 'expired' })));
    const tokens = ['stale', 'fresh'];
    let calls = 0;
    const client = createRepositoryClient({ repository: url, token: async () => tokens[calls++]!, retryBaseMs: 1 });
    await expect(client.search(SEARCH)).resolves.toBeDefined();
    expect(calls).toBe(2);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('401 twice is unauthorized, after asking for a token twice', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 401, { status: 401, detail: 'Authorization: the bearer token is not valid' }));
    let calls = 0;
    const client = createRepositoryClient({ repository: url, token: () => `secret-${++calls}`, retryBaseMs: 1 });
    const error = await rejection(client.metadata(ID));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, problem: { detail: 'Authorization: the bearer token is not valid' } });
    expect(calls).toBe(2);
    expect(seen).toHaveLength(2);
    expect(String((error as Error).message)).not.toContain('secret');
  });

  it('a fixed token that gets a 401 fails at once', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 401, { status: 401 }));
    await expect(createRepositoryClient({ repository: url, token: 'nope' }).search(SEARCH)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(seen).toHaveLength(1);
  });

  it('an abort mid-request rejects with the AbortError and is not retried', async () => {
    const { url, seen } = await serve(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = createRepositoryClient({ repository: url, retryBaseMs: 1 }).search(SEARCH, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect((error as Error).name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(SelectorError);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(1);
  });

  it('an abort during the backoff wait rejects at once', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 503, {}, { 'Retry-After': '5' }));
    const controller = new AbortController();
    const started = performance.now();
    const pending = createRepositoryClient({ repository: url }).search(SEARCH, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await rejection(pending) as Error).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { url, seen } = await serve((_req, res) => json(res, 200, OK_SEARCH));
    const error = await rejection(createRepositoryClient({ repository: url }).search(SEARCH, { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(0);
  });

  it('a problem+json 400 is bad-request with the problem, not retried', async () => {
    const problem = { type: 'https://httpstatuses.io/400', title: 'Bad Request', status: 400, detail: 'limit: must be an integer from 1 to 50, got 51', parameter: 'limit' };
    const { url, seen } = await serve((_req, res) => json(res, 400, problem));
    const error = await rejection(createRepositoryClient({ repository: url, retryBaseMs: 1 }).search({ ...SEARCH, limit: 51 }));
    expect(error).toMatchObject({ code: 'bad-request', status: 400, problem, retryable: false });
    expect((error as Error).message).toContain('limit: must be an integer');
    expect(seen).toHaveLength(1);
  });

  it('404 is not-found; an error without a JSON body still gets a code', async () => {
    const { url } = await serve((_req, res, n) => {
      if (n === 1) json(res, 404, { status: 404, detail: 'assetId: no asset is available' });
      else {
        res.writeHead(418, { 'Content-Type': 'text/html' });
        res.end('<html>teapot</html>');
      }
    });
    const client = createRepositoryClient({ repository: url });
    await expect(client.smartCrops(ID)).rejects.toMatchObject({ code: 'not-found', status: 404, problem: { detail: 'assetId: no asset is available' } });
    await expect(client.smartCrops(ID)).rejects.toMatchObject({ code: 'bad-request', status: 418, problem: undefined });
  });

  it.each([
    ['malformed JSON', '{"hits": '],
    ['an HTML page', '<html>proxy login</html>'],
    ['no hits', { search_metadata: {} }],
    ['hits of the wrong type', { hits: { results: 'nope' } }],
    ['a hit without an id', { hits: { results: [{ repositoryMetadata: {} }] } }],
    ['a non-numeric total', { hits: { results: [] }, search_metadata: { totalCount: { total: 'many' } } }],
    ['an array', []],
  ])('%s is invalid-response, not retried', async (_name, body) => {
    const { url, seen } = await serve((_req, res) => json(res, 200, body));
    const error = await rejection(createRepositoryClient({ repository: url, retryBaseMs: 1 }).search(SEARCH));
    expect(error).toMatchObject({ code: 'invalid-response', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('fills what a lenient repository leaves out', async () => {
    const { url } = await serve((_req, res) => json(res, 200, { hits: { results: [{ assetId: ID }] }, cursor: 'next', facets: [{ id: 'k', values: [{ value: 'a', count: 2 }, { value: {}, count: 1 }] }] }));
    const response = await createRepositoryClient({ repository: url }).search(SEARCH);
    expect(response).toEqual({
      hits: { results: [{ assetId: ID, repositoryMetadata: {}, assetMetadata: {} }] },
      search_metadata: { count: 1, totalCount: { total: 1, relation: 'gte' } },
      cursor: 'next',
      facets: [{ id: 'k', type: 'CATEGORY', values: [{ value: 'a', count: 2 }] }],
    });
  });

  it('a closed port is a network error after the retries', async () => {
    const { url, close } = await serve(() => undefined);
    await close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const error = await rejection(createRepositoryClient({ repository: url, fetch: counting, retries: 2, retryBaseMs: 1 }).search(SEARCH));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(calls).toBe(3);
  });

  it('uses searchUrl when given, and GETs the other reads on the repository (with a path prefix)', async () => {
    const { url, seen } = await serve((req, res) => json(res, 200, req.method === 'POST' ? OK_SEARCH : { assetId: ID, items: [] }));
    const client = createRepositoryClient({ repository: `${url}/tenant`, searchUrl: `${url}/author/search` });
    await client.search(SEARCH);
    await client.renditions(ID);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /author/search', `GET /tenant/adobe/assets/${ID}/renditions`]);
    expect(seen[1]!.headers.authorization).toBeUndefined();
  });

  it('refuses bad options', () => {
    expect(() => createRepositoryClient({ repository: 'nope' })).toThrow(TypeError);
    expect(() => createRepositoryClient({ repository: 'http://x.test', retries: -1 })).toThrow(/retries/);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2024-01-15T10:00:00Z');
  it('reads seconds and HTTP dates, capped, and ignores nonsense', () => {
    expect(retryAfterMs('1', 10_000, now)).toBe(1000);
    expect(retryAfterMs(' 0 ', 10_000, now)).toBe(0);
    expect(retryAfterMs('120', 10_000, now)).toBe(10_000);
    expect(retryAfterMs('Mon, 15 Jan 2024 10:00:03 GMT', 10_000, now)).toBe(3000);
    expect(retryAfterMs('Mon, 15 Jan 2024 09:00:00 GMT', 10_000, now)).toBe(0);
    expect(retryAfterMs('soon', 10_000, now)).toBeUndefined();
    expect(retryAfterMs(null, 10_000, now)).toBeUndefined();
  });
});

describe('against the real emulator', () => {
  let open: TestEmulator;
  let locked: TestEmulator;
  beforeAll(async () => {
    [open, locked] = await Promise.all([startTestEmulator(), startTestEmulator({ requireAuth: true })]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), locked?.close()]);
  });

  it('search, metadata, smartCrops, imagePresets and renditions', async () => {
    const client = createRepositoryClient({ repository: open.url });
    const found = await client.search({ query: foldQuery([match('kite')]), limit: 5, facets: [{ type: 'CATEGORY', id: 'keywords', field: 'assetMetadata.xcm:keywords' }] });
    const kite = found.hits.results.find((h) => h.repositoryMetadata['repo:name'] === 'kite.jpg');
    expect(kite?.assetId).toBe(open.idOf('kite.jpg'));
    expect(found.facets?.[0]?.id).toBe('keywords');

    const meta = await client.metadata(kite!.assetId);
    expect(meta.assetMetadata['tiff:ImageWidth']).toBe(2400);
    const crops = await client.smartCrops(kite!.assetId);
    expect(crops.items.map((c) => c.name)).toEqual(expect.arrayContaining(['Square', 'Landscape']));
    expect(crops.items[0]!.crop).toBeDefined();
    const presets = await client.imagePresets();
    expect(presets.items.map((p) => p.name)).toContain('thumbnail');
    expect(presets.items[0]!.modifiers).toBeDefined();
    const renditions = await client.renditions(kite!.assetId);
    expect(renditions.items.map((r) => r.name)).toContain('original');
  });

  it('maps the emulator errors to codes', async () => {
    const client = createRepositoryClient({ repository: open.url, retryBaseMs: 1 });
    await expect(client.search({ query: [{ match: { text: 'x' } }], limit: 51 })).rejects.toMatchObject({ code: 'bad-request', problem: { parameter: 'limit' } });
    await expect(client.metadata(ID)).rejects.toMatchObject({ code: 'not-found' });
    await expect(createRepositoryClient({ repository: open.url, token: 'not-a-dev-token' }).imagePresets()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(createRepositoryClient({ repository: open.url, token: 'not-a-dev-token' }).search(SEARCH)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('with --require-auth: token and API key work, a refreshed token works, a missing key is refused', async () => {
    const ok = createRepositoryClient({ repository: locked.url, token: 'dev-token', apiKey: 'asset-selector-dev' });
    expect((await ok.search(SEARCH)).hits.results.length).toBeGreaterThan(0);

    let calls = 0;
    const refreshing = createRepositoryClient({ repository: locked.url, token: async () => (++calls === 1 ? 'expired-token' : 'dev-token-marketing'), apiKey: 'asset-selector-dev' });
    const marketing = await refreshing.search({ query: [{ match: { text: 'evening' } }] });
    expect(calls).toBe(2);
    expect(marketing.hits.results.map((h) => h.repositoryMetadata['repo:name'])).toContain('evening-glow.jpg');

    await expect(createRepositoryClient({ repository: locked.url, apiKey: 'asset-selector-dev' }).search(SEARCH)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(createRepositoryClient({ repository: locked.url, token: 'dev-token' }).search(SEARCH)).rejects.toMatchObject({ code: 'unauthorized', status: 403 });
  });
});

describe('image(): delivered bytes, with the token only where it belongs', () => {
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  const image = (res: ServerResponse, type = 'image/png') => {
    res.writeHead(200, { 'Content-Type': type });
    res.end(png);
  };

  it('sends the token and an <img>-like Accept (no API key), and returns the bytes with their Content-Type', async () => {
    const { url, seen } = await serve((_req, res) => image(res, 'image/webp'));
    const client = createRepositoryClient({ repository: url, token: 'tok', apiKey: 'key' });
    const result = await client.image(`${url}/adobe/assets/${ID}/as/kite.avif?width=160`);
    expect(result.contentType).toBe('image/webp');
    expect(new Uint8Array(await result.blob.arrayBuffer())).toEqual(new Uint8Array(png));
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer tok', accept: expect.stringMatching(/^image\/avif,image\/webp,/) });
    expect(seen[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('authorize: false sends no token and never calls the token function', async () => {
    const { url, seen } = await serve((_req, res) => image(res));
    let calls = 0;
    const client = createRepositoryClient({ repository: url, token: () => `tok-${++calls}` });
    await client.image(`${url}/adobe/assets/${ID}/as/kite.png`, { authorize: false });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('asks the token function again after a 401, and reports a 404 with its problem', async () => {
    const { url } = await serve((req, res) => (req.headers.authorization === 'Bearer fresh' ? image(res) : json(res, 401, { status: 401, title: 'Unauthorized' })));
    const tokens = ['stale', 'fresh'];
    const client = createRepositoryClient({ repository: url, token: () => tokens.shift() ?? 'none' });
    expect((await client.image(`${url}/adobe/assets/${ID}/as/kite.png`)).contentType).toBe('image/png');

    const missing = await serve((_req, res) => json(res, 404, { status: 404, title: 'Not Found', detail: 'no such asset' }));
    const error = await rejection(createRepositoryClient({ repository: missing.url, token: 't' }).image(`${missing.url}/adobe/assets/${ID}/as/kite.png`));
    expect(error).toMatchObject({ code: 'not-found', status: 404, problem: { detail: 'no such asset' } });
  });

  it('an answer that is not an image is invalid-response', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    await expect(createRepositoryClient({ repository: url }).image(`${url}/adobe/assets/${ID}/as/kite.png`)).rejects.toMatchObject({ code: 'invalid-response' });
  });

  it('refuses, before any request, a URL that is not on the repository: the token goes nowhere else', async () => {
    const { url, seen } = await serve((_req, res) => image(res));
    const client = createRepositoryClient({ repository: `${url}/dm`, token: 'secret-token' });
    const port = new URL(url).port;
    for (const elsewhere of [
      `http://localhost:${port}/dm/adobe/assets/${ID}/as/kite.png`,
      `${url}/other/adobe/assets/${ID}/as/kite.png`,
      `${url}/dmx/adobe/assets/${ID}/as/kite.png`,
      `http://user@127.0.0.1:${port}/dm/adobe/assets/${ID}/as/kite.png`,
      'not a url',
    ]) {
      const error = await rejection(client.image(elsewhere));
      expect(error, elsewhere).toBeInstanceOf(TypeError);
      expect(String(error)).not.toContain('secret-token');
    }
    expect(seen).toHaveLength(0);
    await client.image(`${url}/dm/adobe/assets/${ID}/as/kite.png`);
    expect(seen).toHaveLength(1);
  });
});
