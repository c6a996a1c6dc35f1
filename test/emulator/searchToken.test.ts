import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './assetsApiFixture.ts';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { HIDDEN } from './searchFixture.ts';

const X = { 'X-Adobe-Accept-Experimental': '1' };
const KEY = { 'X-Api-Key': 'asset-selector-dev' };

/** `POST /search/token` against a real emulator under --require-auth. */
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ requireAuth: true });
});
afterAll(() => e.close());

const ask = (body: unknown, headers: Record<string, string>) =>
  e.fetch('/adobe/assets/search/token', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const names = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()).hits.results.map((r: { repositoryMetadata: Record<string, string> }) => r.repositoryMetadata['repo:name']) as string[];
};
const everything = { query: [{ match: { text: '*' } }], limit: 50 };

describe('POST /search/token', () => {
  it('gives { token, expiryTime, appId }; the token searches with the roles of the token that asked', async () => {
    const marketing = { Authorization: 'Bearer dev-token-marketing' };
    const response = await ask({ indexes: ['assets'], operationType: 'search' }, { ...marketing, ...X });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ token: expect.stringMatching(/^dmst\./), expiryTime: expect.any(String), appId: expect.any(String) });
    const ttl = Date.parse(body.expiryTime) - Date.now();
    expect(ttl).toBeGreaterThan(50 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    const withToken = await names(await e.search(everything, { Authorization: `Bearer ${body.token}`, ...KEY }));
    expect(withToken).toEqual(expect.arrayContaining(HIDDEN.marketing));
    expect(withToken.sort()).toEqual((await names(await e.search(everything, { ...marketing, ...KEY }))).sort());
  });

  it('opens search and nothing else', async () => {
    const { token } = await (await ask({ indexes: ['assets'], operationType: 'search' }, { Authorization: 'Bearer dev-token', ...X })).json();
    const bearer = { Authorization: `Bearer ${token}` };
    await expectProblem(await e.fetch('/adobe/assets/imagePresets', { headers: bearer }), 401, 'Authorization', /only authorizes POST \/adobe\/assets\/search/);
    await expectProblem(await e.fetch('/api/assets/samples.json', { headers: bearer }), 401, 'Authorization');
    await expectProblem(await ask({ indexes: ['assets'], operationType: 'search' }, { ...bearer, ...X }), 401, 'Authorization');
    const settings = await (await ask({ indexes: ['assets'], operationType: 'settings' }, { Authorization: 'Bearer dev-token', ...X })).json();
    await expectProblem(await e.search(everything, { Authorization: `Bearer ${settings.token}`, ...KEY }), 403, 'Authorization', /does not grant/);
    // An editor's search token carries none of the editor's power to write.
    const editors = await (await ask({ indexes: ['assets'], operationType: 'search' }, { Authorization: 'Bearer dev-token-editor', ...X })).json();
    await expectProblem(await e.fetch('/_emulator/events', { headers: { Authorization: `Bearer ${editors.token}` } }), 403, 'Authorization');
    expect(JSON.parse(Buffer.from(editors.token.split('.')[1], 'base64url').toString()).roles).toEqual([]);
    const forged = `${token.slice(0, -43)}${'A'.repeat(43)}`;
    await expectProblem(await e.search(everything, { Authorization: `Bearer ${forged}`, ...KEY }), 401, 'Authorization', /not valid/);
  });

  it('needs the experimental header, a bearer token and a valid body', async () => {
    await expectProblem(await ask({ indexes: ['assets'], operationType: 'search' }, { Authorization: 'Bearer dev-token' }), 400, 'X-Adobe-Accept-Experimental', /X-Adobe-Accept-Experimental: 1/);
    await expectProblem(await ask({ indexes: ['assets'], operationType: 'search' }, X), 401, 'Authorization');
    const reader = { Authorization: 'Bearer dev-token', ...X };
    await expectProblem(await ask({ operationType: 'search' }, reader), 400, 'indexes');
    await expectProblem(await ask({ indexes: ['secrets'], operationType: 'search' }, reader), 400, 'indexes');
    await expectProblem(await ask({ indexes: ['assets'], operationType: 'delete' }, reader), 400, 'operationType');
    await expectProblem(await ask([], reader), 400, 'body');
    await expectProblem(await e.fetch('/adobe/assets/search/token', { method: 'GET', headers: reader }), 405, 'method');
  });
});
