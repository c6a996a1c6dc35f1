import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { boxTypes, decodeSegment, makeClip, mpdSegments, parseMpd, parsePlaylist } from './mediaFixture.ts';

/**
 * HLS and DASH packaging against a real emulator and real ffmpeg: manifests a player can read,
 * every segment they name fetchable and decodable, hidden videos absent everywhere.
 */
const SAMPLES = resolve(import.meta.dirname, '../../demo/catalog');
const HIDDEN_ID = 'urn:aaid:aem:5a3d1c55-0000-4000-8000-00000000e1a1';
const RESTRICTED_ID = 'urn:aaid:aem:5a3d1c55-0000-4000-8000-00000000e1a2';

const sidecarEntry = (id: string, title: string, extra: object) => ({
  id, title, description: title, keywords: ['video'], creator: 'Test', rights: 'CC0', created: '2025-01-01T00:00:00.000Z', ...extra,
});

let dir: string;
let cacheDir: string;
let e: TestEmulator;
let kite: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-streams-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'media-streams-cache-'));
  await copyFile(join(SAMPLES, 'kite-flight.mp4'), join(dir, 'kite-flight.mp4'));
  // The same bytes as a visible video, under a draft: its stream exists on disk, yet not for it.
  await copyFile(join(SAMPLES, 'kite-flight.mp4'), join(dir, 'draft-kite.mp4'));
  await copyFile(join(SAMPLES, 'brand-guidelines.pdf'), join(dir, 'brand-guidelines.pdf'));
  await makeClip(join(dir, 'portrait-talk.mp4'), { width: 360, height: 640, seconds: 3, audio: true });
  await makeClip(join(dir, 'team-clip.mp4'), { width: 320, height: 180, seconds: 2 });
  await writeFile(join(dir, 'metadata.json'), JSON.stringify({
    assets: {
      'draft-kite.mp4': sidecarEntry(HIDDEN_ID, 'Draft kite', { status: 'draft' }),
      'team-clip.mp4': sidecarEntry(RESTRICTED_ID, 'Team clip', { status: 'approved', restrictedTo: ['marketing'] }),
    },
  }));
  e = await startTestEmulator({ catalogDir: dir, cacheDir });
  kite = e.idOf('kite-flight.mp4');
});

afterAll(async () => {
  await e?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

async function fetchOk(path: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await e.fetch(path, { headers });
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type'), path).toBe(contentType);
  return response;
}

describe('HLS', () => {
  it('manifest.m3u8 lists renditions whose playlists list fMP4 segments that are fetchable and decode', async () => {
    const base = `/adobe/assets/${kite}`;
    const master = parsePlaylist(await (await fetchOk(`${base}/manifest.m3u8`, 'application/vnd.apple.mpegurl')).text());
    expect(master.lines[0]).toBe('#EXTM3U');
    // A small ladder: the source's 360p and half of it.
    expect(master.variants.map((v) => v.RESOLUTION)).toEqual(['640x360', '320x180']);
    for (const variant of master.variants) {
      expect(Number(variant.BANDWIDTH)).toBeGreaterThan(0);
      expect(variant.CODECS).toMatch(/^avc1\./);
      const playlist = parsePlaylist(await (await fetchOk(`${base}/${variant.uri}`, 'application/vnd.apple.mpegurl')).text());
      expect(playlist.lines).toContain('#EXT-X-ENDLIST');
      expect(playlist.lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(playlist.lines.some((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME'))).toBe(false);
      // The sample runs 5 s, in segments of at most 2 s.
      expect(playlist.segments.reduce((sum, s) => sum + s.duration, 0)).toBeCloseTo(5, 1);
      expect(playlist.segments.every((s) => s.duration <= 2.05)).toBe(true);
      const init = await bytes(await fetchOk(`${base}/${playlist.map}`, 'video/mp4'));
      expect(boxTypes(init).slice(0, 2)).toEqual(['ftyp', 'moov']);
      const [width, height] = variant.RESOLUTION!.split('x').map(Number);
      let frames = 0;
      for (const segment of playlist.segments) {
        const data = await bytes(await fetchOk(`${base}/${segment.uri}`, 'video/mp4'));
        expect(boxTypes(data)).toEqual(expect.arrayContaining(['moof', 'mdat']));
        const decoded = await decodeSegment(init, data);
        expect(decoded).toMatchObject({ codec: 'h264', width, height });
        frames += decoded.frames;
      }
      // Every frame of the 25 fps video is in there once.
      expect(frames).toBe(125);
    }
  });

  it('a video with sound has an audio rendition, served as audio/mp4; a portrait video keeps its orientation', async () => {
    const base = `/adobe/assets/${e.idOf('portrait-talk.mp4')}`;
    const master = parsePlaylist(await (await fetchOk(`${base}/manifest.m3u8`, 'application/vnd.apple.mpegurl')).text());
    expect(master.variants.map((v) => v.RESOLUTION)).toEqual(['360x640', '180x320']);
    expect(master.variants.every((v) => v.CODECS!.includes('mp4a.40.2') && v.AUDIO === master.media[0]!['GROUP-ID'])).toBe(true);
    expect(master.media).toHaveLength(1);
    expect(master.media[0]).toMatchObject({ TYPE: 'AUDIO' });
    const audio = parsePlaylist(await (await fetchOk(`${base}/${master.media[0]!.URI}`, 'application/vnd.apple.mpegurl')).text());
    const init = await bytes(await fetchOk(`${base}/${audio.map}`, 'audio/mp4'));
    const first = await bytes(await fetchOk(`${base}/${audio.segments[0]!.uri}`, 'audio/mp4'));
    expect(await decodeSegment(init, first)).toMatchObject({ codec: 'aac' });
  });
});

describe('DASH', () => {
  it('manifest.mpd is well-formed XML whose segment timeline expands to fetchable segments that decode', async () => {
    const base = `/adobe/assets/${kite}`;
    const text = await (await fetchOk(`${base}/manifest.mpd`, 'application/dash+xml')).text();
    const mpd = parseMpd(text);
    expect(mpd).not.toBeNull();
    const root = mpd!.documentElement;
    expect(root.localName).toBe('MPD');
    expect(root.namespaceURI).toBe('urn:mpeg:dash:schema:mpd:2011');
    expect(root.getAttribute('type')).toBe('static');
    expect(root.getAttribute('mediaPresentationDuration')).toBe('PT5.0S');
    // No adaptation set without a representation (the sample has no sound).
    for (const set of mpd!.getElementsByTagName('AdaptationSet')) expect(set.getElementsByTagName('Representation').length).toBeGreaterThan(0);
    const representations = mpdSegments(mpd!);
    expect(representations.map((r) => [r.mimeType, r.width, r.height])).toEqual([
      ['video/mp4', 640, 360],
      ['video/mp4', 320, 180],
    ]);
    for (const representation of representations) {
      const init = await bytes(await fetchOk(`${base}/${representation.init}`, 'video/mp4'));
      expect(representation.media).toHaveLength(3);
      let frames = 0;
      for (const uri of representation.media) {
        const decoded = await decodeSegment(init, await bytes(await fetchOk(`${base}/${uri}`, 'video/mp4')));
        expect(decoded).toMatchObject({ codec: 'h264', width: representation.width, height: representation.height });
        frames += decoded.frames;
      }
      expect(frames).toBe(125);
    }
  });

  it('a video with sound has an audio adaptation set', async () => {
    const mpd = parseMpd(await (await fetchOk(`/adobe/assets/${e.idOf('portrait-talk.mp4')}/manifest.mpd`, 'application/dash+xml')).text())!;
    const sets = [...mpd.getElementsByTagName('AdaptationSet')].map((s) => s.getAttribute('contentType'));
    expect(sets).toEqual(['video', 'audio']);
    expect(mpdSegments(mpd).map((r) => r.mimeType)).toEqual(['video/mp4', 'video/mp4', 'audio/mp4']);
  });
});

describe('stream responses', () => {
  it('carry CORS, strong ETags answered with 304, HEAD without a body, and the asset cache policy', async () => {
    for (const name of ['manifest.m3u8', 'manifest.mpd', 'media_0.m3u8', 'init-0.m4s', 'chunk-0-00001.m4s']) {
      const path = `/adobe/assets/${kite}/${name}`;
      const response = await e.fetch(path, { headers: { Origin: 'https://host.example' } });
      expect(response.status, name).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), name).toBe('*');
      expect(response.headers.get('cache-control'), name).toBe('public, max-age=600');
      const etag = response.headers.get('etag')!;
      expect(etag, name).toMatch(/^"[0-9a-f]{32}"$/);
      expect(Number(response.headers.get('content-length'))).toBe((await bytes(response)).length);
      expect((await e.fetch(path, { headers: { 'If-None-Match': etag } })).status, name).toBe(304);
      const head = await e.fetch(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    }
  });

  it('a restricted video streams only with its role, and privately', async () => {
    const marketing = { Authorization: 'Bearer dev-token-marketing' };
    for (const name of ['manifest.m3u8', 'manifest.mpd', 'media_0.m3u8', 'init-0.m4s', 'chunk-0-00001.m4s']) {
      expect((await e.fetch(`/adobe/assets/${RESTRICTED_ID}/${name}`)).status, name).toBe(404);
      expect((await e.fetch(`/adobe/assets/${RESTRICTED_ID}/${name}`, { headers: { Authorization: 'Bearer dev-token' } })).status, name).toBe(404);
      const allowed = await e.fetch(`/adobe/assets/${RESTRICTED_ID}/${name}`, { headers: marketing });
      expect(allowed.status, name).toBe(200);
      expect(allowed.headers.get('cache-control'), name).toBe('private, max-age=600');
    }
  });

  it('a hidden video is a 404 everywhere, segments included, though its bytes are packaged for a visible one', async () => {
    expect((await e.fetch(`/adobe/assets/${kite}/manifest.m3u8`)).status).toBe(200);
    const unknown = 'urn:aaid:aem:00000000-0000-4000-8000-000000000000';
    for (const name of ['manifest.m3u8', 'manifest.mpd', 'media_0.m3u8', 'media_1.m3u8', 'init-0.m4s', 'chunk-0-00001.m4s', 'chunk-1-00003.m4s', 'play', 'as/x.jpg']) {
      const hidden = await e.fetch(`/adobe/assets/${HIDDEN_ID}/${name}`);
      expect(hidden.status, name).toBe(404);
      expect(hidden.headers.get('content-type')).toBe('application/problem+json');
      const never = await (await e.fetch(`/adobe/assets/${unknown}/${name}`)).json();
      expect((await hidden.json()).detail, name).toBe(never.detail.replace(unknown, HIDDEN_ID));
    }
  });

  it('answers what is not a stream with a 4xx naming the parameter', async () => {
    const pdf = await e.fetch(`/adobe/assets/${e.idOf('brand-guidelines.pdf')}/manifest.m3u8`);
    expect(pdf.status).toBe(404);
    expect(await pdf.json()).toMatchObject({ parameter: 'assetId', detail: expect.stringMatching(/brand-guidelines\.pdf is not a video/) });
    const format = await e.fetch(`/adobe/assets/${kite}/manifest.txt`);
    expect(format.status).toBe(400);
    expect((await format.json()).parameter).toBe('format');
    const missing = await e.fetch(`/adobe/assets/${kite}/chunk-0-99999.m4s`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).parameter).toBe('path');
    for (const path of ['index.json', 'source', 'stream-1/manifest.mpd', 'master.m3u8', 'chunk-0-1.m4s.tmp']) {
      expect((await e.fetch(`/adobe/assets/${kite}/${path}`)).status, path).toBe(404);
    }
  });

  it('the player page offers the HLS stream first, the original as its fallback, and the poster', async () => {
    const page = await (await fetchOk(`/adobe/assets/${kite}/play`, 'text/html; charset=utf-8')).text();
    expect(page).toContain(`poster="/adobe/assets/${kite}/as/kite-flight.jpg"`);
    expect(page).toContain(
      `<source src="/adobe/assets/${kite}/manifest.m3u8" type="application/vnd.apple.mpegurl"><source src="/adobe/assets/${kite}/original/as/kite-flight.mp4"></video>`,
    );
  });
});

describe('packaging', () => {
  it('runs once per binary: concurrent requests share it, a restart reads it from disk, and nothing half-written is left', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'media-package-'));
    const first = await startTestEmulator({ catalogDir: dir, cacheDir: fresh });
    try {
      const auth = { headers: { Authorization: 'Bearer dev-token-marketing' } };
      const names = ['manifest.m3u8', 'manifest.mpd', 'manifest.m3u8', 'media_0.m3u8', 'init-0.m4s', 'chunk-0-00001.m4s'];
      const statuses = await Promise.all(names.map(async (name) => (await first.fetch(`/adobe/assets/${RESTRICTED_ID}/${name}`, auth)).status));
      expect(statuses).toEqual(names.map(() => 200));
      expect(first.emulator.context.media.stats()).toMatchObject({ packaged: 1, fromDisk: 0, packaging: { running: 0, queued: 0, peak: 1 } });
    } finally {
      await first.close();
    }
    const [hash] = await readdir(join(fresh, 'media'));
    // The published folder and nothing else: no temp folder, no copy of the source.
    expect(await readdir(join(fresh, 'media', hash!))).toEqual(['stream-1']);
    // 320 × 180 is too small for a lower rung: one rendition, 2 s in one segment.
    expect((await readdir(join(fresh, 'media', hash!, 'stream-1'))).sort()).toEqual([
      'chunk-0-00001.m4s', 'index.json', 'init-0.m4s', 'manifest.m3u8', 'manifest.mpd', 'media_0.m3u8',
    ]);
    const second = await startTestEmulator({ catalogDir: dir, cacheDir: fresh });
    try {
      const response = await second.fetch(`/adobe/assets/${RESTRICTED_ID}/manifest.mpd`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
      expect(response.status).toBe(200);
      expect(second.emulator.context.media.stats()).toMatchObject({ packaged: 0, fromDisk: 1 });
    } finally {
      await second.close();
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
