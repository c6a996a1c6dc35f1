import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import { FFMPEG, findTool, isFound, PDFTOPPM, type FoundTool } from '../../demo/emulator/media/findTool.ts';
import { JobLimiter } from '../../demo/emulator/media/jobLimiter.ts';
import { candidateCount, posterTime } from '../../demo/emulator/media/posterFrame.ts';
import { parseProbe } from '../../demo/emulator/media/probeVideo.ts';
import { runTool, ToolFailure } from '../../demo/emulator/media/runTool.ts';
import { asVodPlaylist } from '../../demo/emulator/media/streamIndex.ts';
import { streamLadder } from '../../demo/emulator/media/streamPackaging.ts';

let dir: string;
let ffmpeg: FoundTool;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-tools-'));
  const found = await findTool(FFMPEG);
  if (!isFound(found)) throw new Error(`these tests need ffmpeg: ${found.missing}`);
  ffmpeg = found;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('finding the tools', () => {
  it('uses the variable when it is set, and says so when it names nothing runnable', async () => {
    const missing = await findTool(FFMPEG, { PATH: process.env.PATH, FFMPEG_PATH: '/nonexistent/ffmpeg' });
    expect(isFound(missing)).toBe(false);
    // Not quietly replaced by the ffmpeg on PATH: the setting is wrong, and the message says which.
    expect(missing).toEqual({
      name: 'ffmpeg',
      missing: "FFMPEG_PATH=/nonexistent/ffmpeg is not an executable file; install Debian's ffmpeg (apt-get install ffmpeg), or set FFMPEG_PATH",
    });
    const fromVariable = await findTool(FFMPEG, { PATH: '', FFMPEG_PATH: ffmpeg.path });
    expect(fromVariable).toMatchObject({ path: ffmpeg.path, version: ffmpeg.version, source: 'FFMPEG_PATH' });
  });

  it('looks on PATH, only in absolute folders, and checks that what it finds is the tool', async () => {
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await symlink(ffmpeg.path, join(bin, 'ffmpeg'));
    expect(await findTool(FFMPEG, { PATH: `relative/bin:${bin}` })).toMatchObject({ path: join(bin, 'ffmpeg'), source: 'PATH', version: ffmpeg.version });
    expect(await findTool(FFMPEG, { PATH: '' })).toEqual({
      name: 'ffmpeg',
      missing: "not found on PATH nor as the npm package @ffmpeg-installer/ffmpeg; install Debian's ffmpeg (apt-get install ffmpeg), or set FFMPEG_PATH",
    });
    const impostor = join(dir, 'impostor');
    await writeFile(impostor, '#!/bin/sh\necho hello\n');
    await chmod(impostor, 0o755);
    expect(await findTool(FFMPEG, { FFMPEG_PATH: impostor })).toMatchObject({ missing: expect.stringMatching(/^\/.*impostor did not print a ffmpeg version/) });
    expect(await findTool(PDFTOPPM)).toMatchObject({ name: 'pdftoppm', version: expect.stringMatching(/^\d+\.\d+/) });
  });
});

describe('running a tool', () => {
  it('kills a run that outlasts its timeout', async () => {
    // An endless test pattern: it would never stop on its own.
    const run = runTool({ command: ffmpeg.path, args: ['-nostdin', '-f', 'lavfi', '-i', 'testsrc=r=5', '-f', 'null', '-'], timeoutMs: 300 });
    await expect(run).rejects.toMatchObject({ name: 'ToolFailure', kind: 'timeout', message: 'took longer than 300 ms and was stopped' });
  });

  it('kills a run whose output outgrows its cap', async () => {
    const run = runTool({ command: ffmpeg.path, args: ['-nostdin', '-f', 'lavfi', '-i', 'testsrc', '-f', 'rawvideo', '-'], timeoutMs: 20_000, maxOutputBytes: 100_000 });
    await expect(run).rejects.toBeInstanceOf(ToolFailure);
    await expect(run).rejects.toMatchObject({ kind: 'output' });
  });

  it('passes arguments without a shell, and reports the exit code', async () => {
    const result = await runTool({ command: ffmpeg.path, args: ['-hide_banner', '-i', '$(touch /tmp/should-not-exist); *'], timeoutMs: 10_000 });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('$(touch /tmp/should-not-exist); *');
    await expect(runTool({ command: join(dir, 'nothing-here'), args: [], timeoutMs: 1000 })).rejects.toMatchObject({ kind: 'spawn' });
  });
});

describe('the job limiter', () => {
  it('runs at most `concurrency` jobs, queues a bounded number, and refuses the rest with a 503', async () => {
    const limiter = new JobLimiter('test jobs', 2, 1);
    const releases: Array<() => void> = [];
    const job = () => new Promise<string>((done) => releases.push(() => done('done')));
    const running = [limiter.run(job), limiter.run(job), limiter.run(job)];
    await new Promise((r) => setTimeout(r, 10));
    expect(limiter.stats()).toEqual({ running: 2, queued: 1, peak: 2 });
    const refused = await limiter.run(job).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 503, headers: { 'Retry-After': '2' } });
    while (releases.length > 0 || limiter.stats().running > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
    expect(limiter.stats()).toEqual({ running: 0, queued: 0, peak: 2 });
  });
});

describe('reading ffmpeg and planning', () => {
  const stderr = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'source':
  Duration: 00:01:05.50, start: 0.000000, bitrate: 65 kb/s
  Stream #0:0[0x1](und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(progressive), 1920x1080 [SAR 1:1 DAR 16:9], 61 kb/s, 25 fps, 25 tbr, 12800 tbn (default)
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 128 kb/s (default)
At least one output file must be specified`;

  it('parses the duration, the first video stream and whether there is sound', () => {
    expect(parseProbe(stderr)).toEqual({ duration: 65.5, width: 1920, height: 1080, hasAudio: true });
    expect(parseProbe(stderr.replace(/.*Audio.*\n/, '').replace('00:01:05.50', 'N/A'))).toEqual({ duration: undefined, width: 1920, height: 1080, hasAudio: false });
    expect(parseProbe("source: Invalid data found when processing input")).toBeUndefined();
  });

  it('builds a small ladder by the short side, never upscaling', () => {
    expect(streamLadder({ width: 1920, height: 1080 }).map((r) => r.shortSide)).toEqual([720, 360]);
    expect(streamLadder({ width: 1080, height: 1920 }).map((r) => r.shortSide)).toEqual([720, 360]);
    expect(streamLadder({ width: 640, height: 360 }).map((r) => r.shortSide)).toEqual([360, 180]);
    expect(streamLadder({ width: 321, height: 181 }).map((r) => r.shortSide)).toEqual([180]);
    const [top, low] = streamLadder({ width: 1280, height: 720 });
    expect(top!.kbps).toBeGreaterThan(low!.kbps);
  });

  it('looks for the poster a tenth in, at most 5 s, among fewer frames when they are large', () => {
    expect(posterTime(undefined)).toBe(0);
    expect(posterTime(0.3)).toBe(0);
    expect(posterTime(5)).toBe(0.5);
    expect(posterTime(600)).toBe(5);
    expect(candidateCount({ width: 640, height: 360 })).toBe(50);
    expect(candidateCount({ width: 7680, height: 4320 })).toBeLessThan(10);
  });

  it('makes the HLS media playlists plain VOD playlists', () => {
    const live = '#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.000000,\n#EXT-X-PROGRAM-DATE-TIME:2026-12-01T18:03:14.000+0000\nchunk-0-00001.m4s\n#EXT-X-ENDLIST\n';
    expect(asVodPlaylist(live)).toBe('#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.000000,\nchunk-0-00001.m4s\n#EXT-X-ENDLIST\n');
  });
});
