import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { ALL_HIDDEN } from './searchFixture.ts';

/**
 * Every endpoint under `--require-auth`, as the `Security` line of each operation in
 * dm-openapi.txt says: "None or Bearer" endpoints answer anyone, "Bearer" ones need a token,
 * search ("Bearer and ApiKeyAuth") also the API key. An unknown token is a 401 everywhere.
 */
const CREDENTIALS = {
  none: {},
  unknownToken: { Authorization: 'Bearer expired-token' },
  prototypeName: { Authorization: 'Bearer constructor' },
  token: { Authorization: 'Bearer dev-token' },
  tokenAndKey: { Authorization: 'Bearer dev-token', 'X-Api-Key': 'asset-selector-dev' },
} satisfies Record<string, Record<string, string>>;
type Credential = keyof typeof CREDENTIALS;

interface Endpoint {
  method: 'GET' | 'HEAD' | 'POST';
  /** Built from the running emulator's ids. */
  path: (e: TestEmulator) => string;
  /** The spec's security: expected status for [none, token, token + key] under --require-auth. */
  secured: [number, number, number];
}

const kite = (e: TestEmulator) => e.idOf('kite.jpg');
const video = (e: TestEmulator) => e.idOf('kite-flight.mp4');
const collection = (e: TestEmulator) => e.emulator.context.catalog.collections[0]!.id;
const OPEN: [number, number, number] = [200, 200, 200];
const BEARER: [number, number, number] = [401, 200, 200];

const ENDPOINTS: Record<string, Endpoint> = {
  'POST /search (Bearer and ApiKeyAuth)': { method: 'POST', path: () => '/adobe/assets/search', secured: [401, 403, 200] },
  'GET /{id}/as/{seoName}.{format} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/as/kite.jpg?width=16`, secured: OPEN },
  'GET /{id} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}`, secured: OPEN },
  'GET /{id}/original/as/{seoName} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/original/as/kite.jpg`, secured: OPEN },
  'GET /{id}/renditions/{name}/as/{seoName} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/renditions/cq5dam.thumbnail.48.48.png/as/kite.png`, secured: OPEN },
  'GET /{id}/renditions (Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/renditions`, secured: BEARER },
  'HEAD /{id}/renditions (Bearer)': { method: 'HEAD', path: (e) => `/adobe/assets/${kite(e)}/renditions`, secured: BEARER },
  'GET /{id}/smartCrops (Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/smartCrops`, secured: BEARER },
  'HEAD /{id}/smartCrops (Bearer)': { method: 'HEAD', path: (e) => `/adobe/assets/${kite(e)}/smartCrops`, secured: BEARER },
  'GET /deliver/{id}/{seoName} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/deliver/${kite(e)}/kite.jpg`, secured: OPEN },
  'GET /{id}/metadata (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${kite(e)}/metadata`, secured: OPEN },
  'HEAD /{id}/metadata (None or Bearer)': { method: 'HEAD', path: (e) => `/adobe/assets/${kite(e)}/metadata`, secured: OPEN },
  'GET /{id}/play (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${video(e)}/play`, secured: OPEN },
  'GET /{id}/manifest.{format} (None or Bearer)': { method: 'GET', path: (e) => `/adobe/assets/${video(e)}/manifest.m3u8`, secured: OPEN },
  'GET /{id}/{segment} named by the manifest (None or Bearer, as the manifest)': { method: 'GET', path: (e) => `/adobe/assets/${video(e)}/chunk-0-00001.m4s`, secured: OPEN },
  'GET /imagePresets (Bearer)': { method: 'GET', path: () => '/adobe/assets/imagePresets', secured: BEARER },
  'GET /collections (Bearer)': { method: 'GET', path: () => '/adobe/assets/collections', secured: BEARER },
  'GET /collections/{id} (Bearer)': { method: 'GET', path: (e) => `/adobe/assets/collections/${collection(e)}`, secured: BEARER },
  'HEAD /collections/{id} (None or Bearer)': { method: 'HEAD', path: (e) => `/adobe/assets/collections/${collection(e)}`, secured: OPEN },
  'GET /collections/{id}/items (Bearer)': { method: 'GET', path: (e) => `/adobe/assets/collections/${collection(e)}/items`, secured: BEARER },
  'HEAD /collections/{id}/items (None or Bearer)': { method: 'HEAD', path: (e) => `/adobe/assets/collections/${collection(e)}/items`, secured: OPEN },
  'a path that does not exist': { method: 'GET', path: () => '/adobe/assets/no/such/endpoint', secured: [404, 404, 404] },
};

let open: TestEmulator;
let secured: TestEmulator;
beforeAll(async () => {
  [open, secured] = await Promise.all([startTestEmulator(), startTestEmulator({ requireAuth: true })]);
});
afterAll(() => Promise.all([open.close(), secured.close()]));

function call(e: TestEmulator, endpoint: Endpoint, credential: Credential, path = endpoint.path(e)) {
  const body = endpoint.method === 'POST' ? JSON.stringify({ query: [{ match: { text: '*' } }] }) : undefined;
  // The opt-in of the experimental operations (GET of one collection and of its items) is not a credential.
  const headers = { ...CREDENTIALS[credential], 'X-Adobe-Accept-Experimental': '1', ...(body ? { 'Content-Type': 'application/json' } : {}) };
  return e.fetch(path, { method: endpoint.method, headers, body });
}

describe('--require-auth follows the spec endpoint by endpoint', () => {
  it.each(Object.entries(ENDPOINTS))('%s', async (_, endpoint) => {
    const statuses = {} as Record<Credential, number>;
    for (const credential of Object.keys(CREDENTIALS) as Credential[]) statuses[credential] = (await call(secured, endpoint, credential)).status;
    const [none, token, tokenAndKey] = endpoint.secured;
    expect(statuses).toEqual({ none, unknownToken: 401, prototypeName: 401, token, tokenAndKey });
  });

  it('refusals are problem+json naming the credential, 401s with a Bearer challenge', async () => {
    const presets = ENDPOINTS['GET /imagePresets (Bearer)']!;
    const missing = await call(secured, presets, 'none');
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await missing.json()).toMatchObject({ status: 401, parameter: 'Authorization', detail: expect.stringMatching(/^Authorization: /) });
    const noKey = await call(secured, ENDPOINTS['POST /search (Bearer and ApiKeyAuth)']!, 'token');
    expect(await noKey.json()).toMatchObject({ status: 403, parameter: 'X-Api-Key' });
  });

  it('assets the caller may not see are a 404 on every asset endpoint, even with valid credentials', async () => {
    const assetEndpoints = Object.values(ENDPOINTS).filter((endpoint) => endpoint.path(secured).includes(kite(secured)));
    for (const name of ALL_HIDDEN) {
      for (const endpoint of assetEndpoints) {
        const path = endpoint.path(secured).replace(kite(secured), secured.idOf(name));
        const response = await call(secured, endpoint, 'tokenAndKey', path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    }
  });
});

describe('without --require-auth everything is open, and an unknown token is still a 401', () => {
  it.each(Object.entries(ENDPOINTS))('%s', async (_, endpoint) => {
    const statuses = {} as Record<Credential, number>;
    for (const credential of Object.keys(CREDENTIALS) as Credential[]) statuses[credential] = (await call(open, endpoint, credential)).status;
    const ok = endpoint.secured[2];
    expect(statuses).toEqual({ none: ok, unknownToken: 401, prototypeName: 401, token: ok, tokenAndKey: ok });
  });
});
