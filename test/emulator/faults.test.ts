import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

const SEARCH = { query: [{ match: { text: 'kite' } }] };

describe('fault injection (--faults)', () => {
  let emu: TestEmulator;
  let plain: TestEmulator;
  beforeAll(async () => {
    [emu, plain] = await Promise.all([startTestEmulator({ faults: true }), startTestEmulator()]);
  });
  afterAll(async () => {
    await Promise.all([emu.close(), plain.close()]);
  });

  const arm = (body: unknown) => emu.fetch('/_emulator/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('fails the next `count` matching requests with the status as problem+json, then serves normally', async () => {
    expect((await arm({ path: '/adobe/assets/search', status: 503, count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const failed = await emu.search(SEARCH);
      expect(failed.status).toBe(503);
      expect(failed.headers.get('content-type')).toBe('application/problem+json');
      expect((await failed.json()).detail).toMatch(/fault injected/);
    }
    expect((await emu.search(SEARCH)).status).toBe(200);
  });

  it('matches exact paths, prefixes ending in *, and an optional method; DELETE clears', async () => {
    await arm({ path: '/adobe/assets/*', status: 500, count: 5, method: 'GET' });
    expect((await emu.search(SEARCH)).status).toBe(200);
    expect((await emu.fetch('/adobe/assets/imagePresets')).status).toBe(500);
    const listed = await (await emu.fetch('/_emulator/faults')).json();
    expect(listed.faults).toEqual([{ path: '/adobe/assets/*', status: 500, remaining: 4, method: 'GET' }]);
    expect((await emu.fetch('/_emulator/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await emu.fetch('/_emulator/faults', { method: 'PUT' })).status).toBe(405);
    expect((await emu.fetch('/adobe/assets/imagePresets')).status).toBe(200);
  });

  it('rejects malformed faults with a 400 naming the field', async () => {
    for (const [body, parameter] of [
      [{ path: 'search', status: 503 }, 'path'],
      [{ path: '/x', status: 200 }, 'status'],
      [{ path: '/x', status: 503, count: 0 }, 'count'],
      [{ path: '/x', status: 503, method: 'get' }, 'method'],
      [[], 'body'],
    ] as const) {
      const response = await arm(body);
      expect(response.status).toBe(400);
      expect((await response.json()).parameter).toBe(parameter);
    }
  });

  it('does not exist unless the emulator runs with faults on', async () => {
    const response = await plain.fetch('/_emulator/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/adobe/assets/search', status: 503 }) });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).parameter).toBe('path');
    expect((await plain.search(SEARCH)).status).toBe(200);
  });
});
