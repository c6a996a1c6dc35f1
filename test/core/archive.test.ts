import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type ArchiveProgress } from '../../src/core/archiveClient.ts';
import { archiveRequestFor, archivesUrl, archiveStatusUrl } from '../../src/core/archiveRequest.ts';
import { parseArchiveStatus } from '../../src/core/archiveStatus.ts';
import { SelectorError } from '../../src/core/selectorError.ts';
import { unzip } from '../emulator/archiveFixture.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';

const THREE = ['kite.jpg', 'aqua.jpg', 'brand-guidelines.pdf'];

describe('archiveRequestFor', () => {
  it('names each asset once, in order, as a zip', () => {
    expect(archiveRequestFor(['a', 'b', 'a'])).toEqual({ items: [{ assetId: 'a' }, { assetId: 'b' }], format: 'zip' });
    expect(archiveRequestFor(['a'], 'campaign')).toEqual({ items: [{ assetId: 'a' }], format: 'zip', namePrefix: 'campaign' });
  });

  it('refuses nothing, blanks and more than 500 assets with a TypeError', () => {
    expect(() => archiveRequestFor([])).toThrow(TypeError);
    expect(() => archiveRequestFor([' '])).toThrow(/non-empty/);
    expect(() => archiveRequestFor(Array.from({ length: 501 }, (_, i) => `id-${i}`))).toThrow(/at most 500/);
  });

  it('builds the archive URLs on the repository', () => {
    expect(archivesUrl('https://repo.example/')).toBe('https://repo.example/adobe/assets/archives');
    expect(archiveStatusUrl('https://repo.example', 'abc-1')).toBe('https://repo.example/adobe/assets/archives/abc-1/status');
    expect(() => archiveStatusUrl('https://repo.example', '../x')).toThrow(TypeError);
  });
});

describe('parseArchiveStatus', () => {
  const done = (files: unknown) => ({ id: 'a', status: 'COMPLETED', files, warnings: [], errors: [] });

  it('reads files, warnings (objects or strings) and errors', () => {
    const status = parseArchiveStatus({
      id: 'a',
      status: 'COMPLETED',
      files: [{ name: 'assets.zip', size: 12, url: 'https://repo.example/adobe/assets/archives/a/files/assets.zip?token=1.x' }],
      warnings: [{ assetId: 'urn:x', detail: 'no such asset is available; it was left out' }, 'plain text', 42],
      errors: [],
    });
    expect(status.files).toEqual([{ name: 'assets.zip', size: 12, url: 'https://repo.example/adobe/assets/archives/a/files/assets.zip?token=1.x' }]);
    expect(status.warnings).toEqual([{ assetId: 'urn:x', detail: 'no such asset is available; it was left out' }, { detail: 'plain text' }]);
    expect(parseArchiveStatus({ id: 'a', status: 'FAILED', errors: [{ detail: 'disk full' }] }).errors).toEqual(['disk full']);
    expect(parseArchiveStatus({ id: 'a', status: 'PROCESSING' }).files).toEqual([]);
  });

  it('refuses an unknown status, a finished archive without files, and any URL the page must not navigate to', () => {
    expect(() => parseArchiveStatus({ status: 'DONE' })).toThrow(/status/);
    expect(() => parseArchiveStatus(done([]))).toThrow(/files/);
    expect(() => parseArchiveStatus(done([{ name: 'x.zip', url: 'javascript:alert(1)' }]))).toThrow(/http\(s\)/);
    expect(() => parseArchiveStatus(done([{ name: 'x.zip', url: 'data:application/zip;base64,AA' }]))).toThrow(/http\(s\)/);
    expect(() => parseArchiveStatus(done([{ name: 'x.zip', url: '/relative' }]))).toThrow(/absolute/);
    expect(() => parseArchiveStatus(done([{ url: 'https://x/' }]))).toThrow(/name/);
  });
});

/** A fetch that answers from a script, recording each request. */
function scripted(answers: Array<(url: string, init: RequestInit) => Response>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), headers: { ...(init.headers as Record<string, string>) } });
    const answer = answers.shift();
    if (!answer) throw new Error(`no answer left for ${String(input)}`);
    return answer(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const REPO = 'https://repo.example';
const FILE = { name: 'assets.zip', size: 3, url: `${REPO}/adobe/assets/archives/a1/files/assets.zip?token=9.sig` };

describe('buildArchive (the client logic, over a scripted server)', () => {
  it('polls at the pace Retry-After gives (seconds or a date, capped), and the status URL from Location', async () => {
    const waits: number[] = [];
    const server = scripted([
      () => json({ id: 'a1' }, 202, { Location: `${REPO}/adobe/assets/archives/a1/status`, 'Retry-After': '2' }),
      () => json({ id: 'a1', status: 'PROCESSING' }, 200, { 'Retry-After': '30' }),
      () => json({ id: 'a1', status: 'PROCESSING' }, 200, { 'Retry-After': new Date(Date.now() + 3000).toUTCString() }),
      () => json({ id: 'a1', status: 'COMPLETED', files: [FILE] }),
    ]);
    const progress: ArchiveProgress[] = [];
    const status = await buildArchive(
      { repository: REPO, token: 'secret-token', fetch: server.fetch, sleep: async (ms) => void waits.push(ms), maxPollDelayMs: 10_000 },
      ['id-1', 'id-2'],
      { onProgress: (p) => progress.push(p) },
    );
    expect(status.files).toEqual([FILE]);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBe(10_000); // 30 s capped
    expect(waits[2]).toBeGreaterThan(1000);
    expect(waits[2]).toBeLessThanOrEqual(3000);
    expect(progress.map((p) => p.status?.status ?? 'requested')).toEqual(['requested', 'PROCESSING', 'PROCESSING', 'COMPLETED']);
    expect(server.calls.map((c) => c.url)).toEqual([`${REPO}/adobe/assets/archives`, ...Array(3).fill(`${REPO}/adobe/assets/archives/a1/status`)]);
  });

  it('sends the token only in the Authorization header, and only to the repository: a Location elsewhere is not followed', async () => {
    const server = scripted([
      () => json({ id: 'a1' }, 202, { Location: 'https://evil.example/adobe/assets/archives/a1/status' }),
      () => json({ id: 'a1', status: 'COMPLETED', files: [FILE] }),
    ]);
    await buildArchive({ repository: REPO, token: () => 'secret-token', fetch: server.fetch, sleep: async () => {} }, ['id-1']);
    expect(server.calls[1]!.url).toBe(`${REPO}/adobe/assets/archives/a1/status`);
    for (const call of server.calls) {
      expect(call.url).not.toContain('secret-token');
      expect(call.headers.Authorization).toBe('Bearer secret-token');
    }
  });

  it('asks a token function again after a 401, retries a 503 after its Retry-After, and reports FAILED as an error with the server’s words', async () => {
    let tokens = 0;
    const waits: number[] = [];
    const server = scripted([
      () => json({ title: 'Unauthorized', status: 401 }, 401),
      () => json({ title: 'busy', status: 503 }, 503, { 'Retry-After': '1' }),
      () => json({ id: 'a1' }, 202),
      () => json({ id: 'a1', status: 'FAILED', errors: [{ detail: 'the disk is full' }] }),
    ]);
    const failure = await buildArchive({ repository: REPO, token: () => `t${++tokens}`, fetch: server.fetch, sleep: async (ms) => void waits.push(ms) }, ['id-1']).catch((e: unknown) => e);
    // Asked for each request, as the repository client does, and once more after the 401.
    expect(tokens).toBe(3);
    expect(server.calls.map((c) => c.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t2', 'Bearer t3']);
    expect(waits).toEqual([1000, 1000]);
    expect(failure).toBeInstanceOf(SelectorError);
    expect((failure as SelectorError).problem?.detail).toBe('the disk is full');
  });

  it('a problem (400) is a bad-request error naming the parameter’s detail; a status that is not JSON is invalid-response', async () => {
    const bad = scripted([() => json({ title: 'Bad Request', status: 400, detail: 'items: at most 500 assets per archive, got 600', parameter: 'items' }, 400)]);
    const e1 = (await buildArchive({ repository: REPO, fetch: bad.fetch, sleep: async () => {} }, ['x']).catch((e: unknown) => e)) as SelectorError;
    expect([e1.code, e1.problem?.detail]).toEqual(['bad-request', 'items: at most 500 assets per archive, got 600']);
    const html = scripted([() => json({ id: 'a1' }, 202), () => new Response('<html>proxy</html>', { status: 200 })]);
    const e2 = (await buildArchive({ repository: REPO, fetch: html.fetch, sleep: async () => {} }, ['x']).catch((e: unknown) => e)) as SelectorError;
    expect(e2.code).toBe('invalid-response');
  });

  it('stops at once when aborted, without another request', async () => {
    const controller = new AbortController();
    const server = scripted([() => json({ id: 'a1' }, 202, { 'Retry-After': '1' })]);
    const sleep = (_ms: number, signal: AbortSignal | undefined) =>
      new Promise<void>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
        controller.abort();
      });
    await expect(buildArchive({ repository: REPO, fetch: server.fetch, sleep }, ['x'], { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(server.calls).toHaveLength(1);
  });
});

describe('buildArchive against a real emulator', () => {
  let e: TestEmulator;
  beforeAll(async () => {
    e = await startTestEmulator();
  });
  afterAll(() => e.close());

  it('archives three assets: the zip from the status URL holds their original bytes, an unknown id is a warning', async () => {
    const waits: number[] = [];
    const seen: string[] = [];
    const status = await buildArchive(
      {
        repository: e.url,
        token: 'dev-token',
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
        sleep: (ms) => {
          waits.push(ms);
          return new Promise((r) => setTimeout(r, 20));
        },
      },
      [...THREE.map(e.idOf), 'urn:aaid:aem:00000000-0000-0000-0000-000000000000'],
    );
    expect(status.status).toBe('COMPLETED');
    // The emulator says `Retry-After: 1`, and the client waits exactly that.
    expect(new Set(waits)).toEqual(new Set([1000]));
    expect(status.warnings).toEqual([{ assetId: 'urn:aaid:aem:00000000-0000-0000-0000-000000000000', detail: 'no such asset is available; it was left out' }]);
    expect(status.files).toHaveLength(1);
    const file = status.files[0]!;
    expect(file.url).toMatch(/\/files\/[^/?]+\.zip\?token=/);
    expect(seen.every((url) => !url.includes('dev-token'))).toBe(true);
    // The file URL is its own credential: no Authorization header.
    const zip = await unzip(Buffer.from(await (await fetch(file.url)).arrayBuffer()));
    for (const name of THREE) {
      expect(zip.get(name), name).toEqual(await readFile(e.emulator.context.catalog.byId.get(e.idOf(name))!.file));
    }
  });
});
