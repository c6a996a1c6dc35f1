import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInfo } from './emulatorFixture.ts';

/**
 * The emulator on a machine without ffmpeg and pdftoppm: the real command line, with the tools'
 * variables pointing nowhere and a PATH that holds neither. It says what is missing once at
 * start-up, answers the endpoints that need a tool with a 501 naming it, and serves the rest.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const KITE_FLIGHT = 'urn:aaid:aem:1921e5a2-441c-4d32-9a13-ce528ee41fa0';
const BRAND_PDF = 'urn:aaid:aem:eb55ded0-57a8-40f6-8dea-2b68875ab4fa';

let child: ChildProcess;
let origin: string;
let stdout = '';
let stderr = '';
let empty: string;

beforeAll(async () => {
  empty = await mkdtemp(join(tmpdir(), 'no-tools-'));
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'demo/emulator/cli.ts'), '--port', '0', '--quiet', '--cache-dir', join(empty, 'cache')], {
    cwd: ROOT,
    env: { ...process.env, PATH: empty, FFMPEG_PATH: '/nonexistent/ffmpeg', PDFTOPPM_PATH: '/nonexistent/pdftoppm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  origin = await new Promise<string>((done, fail) => {
    // The media line goes to stderr (a warning), the URL to stdout: wait for both.
    const check = () => {
      const url = /Open (http:\/\/\S+?)\/?\s/.exec(stdout)?.[1];
      if (url && /^Media: .*\n/m.test(stderr)) done(url);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.once('exit', (code) => fail(new Error(`the emulator exited with ${code}: ${stdout} ${stderr}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
  await rm(empty, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init);

describe('without ffmpeg and pdftoppm', () => {
  it('says at start-up, in one line, what is missing and how to get it', () => {
    const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.startsWith('Media:'));
    expect(lines).toEqual([
      "Media: video posters and HLS/DASH streams unavailable (501): ffmpeg FFMPEG_PATH=/nonexistent/ffmpeg is not an executable file; install Debian's ffmpeg (apt-get install ffmpeg), or set FFMPEG_PATH; " +
        "PDF thumbnails unavailable (501): pdftoppm PDFTOPPM_PATH=/nonexistent/pdftoppm is not an executable file; install Debian's poppler-utils (apt-get install poppler-utils), or set PDFTOPPM_PATH",
    ]);
  });

  it('answers posters, manifests and segments with a 501 problem naming ffmpeg', async () => {
    for (const path of [`/adobe/assets/${KITE_FLIGHT}/as/kite.jpg?width=200`, `/adobe/assets/${KITE_FLIGHT}`, `/adobe/assets/${KITE_FLIGHT}/manifest.m3u8`, `/adobe/assets/${KITE_FLIGHT}/manifest.mpd`, `/adobe/assets/${KITE_FLIGHT}/chunk-0-00001.m4s`]) {
      const response = await get(path);
      expect(response.status, path).toBe(501);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await response.json();
      expect(problem, path).toMatchObject({ status: 501, title: 'Not Implemented', detail: expect.stringMatching(/^ffmpeg: (video posters|HLS and DASH streams) need ffmpeg, which this emulator does not have: FFMPEG_PATH=\/nonexistent\/ffmpeg/) });
    }
  });

  it('answers PDF thumbnails with a 501 naming pdftoppm', async () => {
    const response = await get(`/adobe/assets/${BRAND_PDF}/as/brand.png?width=200`);
    expect(response.status).toBe(501);
    expect((await response.json()).detail).toMatch(/^pdftoppm: PDF thumbnails need pdftoppm, .*apt-get install poppler-utils/);
  });

  it('still hides hidden assets first, and serves everything else', async () => {
    const rejected = await (await get('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: 'kite' } }] }) })).json();
    expect(rejected.hits.results.map((r: { repositoryMetadata: { 'repo:name': string } }) => r.repositoryMetadata['repo:name']).sort()).toEqual(['kite-flight.mp4', 'kite.jpg']);
    const kite = rejected.hits.results.find((r: { repositoryMetadata: { 'repo:name': string } }) => r.repositoryMetadata['repo:name'] === 'kite.jpg').assetId;
    expect(await imageInfo(await get(`/adobe/assets/${kite}/as/kite.jpg?width=120`))).toMatchObject({ width: 120 });
    const original = await get(`/adobe/assets/${KITE_FLIGHT}/original/as/kite-flight.mp4`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('video/mp4');
    // The player page falls back to the original alone: no stream to offer, no poster to show.
    const page = await (await get(`/adobe/assets/${KITE_FLIGHT}/play`)).text();
    expect(page).toContain(`<source src="/adobe/assets/${KITE_FLIGHT}/original/as/kite-flight.mp4"></video>`);
    expect(page).not.toContain('manifest.m3u8');
    expect(page).not.toContain('poster=');
    expect((await get('/adobe/assets/urn:aaid:aem:00000000-0000-4000-8000-000000000000/manifest.m3u8')).status).toBe(404);
  });
});
