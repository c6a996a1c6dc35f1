import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRecord } from '../../demo/emulator/catalog/assetRecord.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import type { Catalog } from '../../demo/emulator/catalog/catalog.ts';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import type { MediaLimits } from '../../demo/emulator/media/mediaLimits.ts';
import { MediaService } from '../../demo/emulator/media/mediaService.ts';

/** The media service over real ffmpeg and pdftoppm, with files they cannot read and limits they exceed. */
let catalog: Catalog;
let cacheDir: string;

beforeAll(async () => {
  catalog = await loadAssetCatalog();
  cacheDir = await mkdtemp(join(tmpdir(), 'media-service-'));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

const sample = (name: string) => catalog.assets.find((a) => a.name === name)!;

/** A service whose binaries are counted as they are read, with its own cache folder. */
async function service(limits: Partial<MediaLimits> = {}, bytes?: Buffer) {
  const reads = { count: 0 };
  const dir = await mkdtemp(join(cacheDir, 'run-'));
  const media = await MediaService.create({
    cacheDir: dir,
    readBinary: async (asset: AssetRecord) => {
      reads.count++;
      return bytes ?? catalog.readBinary(asset);
    },
    limits,
  });
  return { media, reads, dir };
}

const problemOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as ProblemError);

describe('files a tool cannot read', () => {
  it('a broken video is a 422 naming the asset and the tool, no path of this machine, and is not retried at once', async () => {
    const { media, reads } = await service({}, Buffer.from('not a video at all, just text that claims to be one'));
    const video = { ...sample('kite-flight.mp4'), binaryHash: 'broken-video' };
    const problem = await problemOf(media.poster(video));
    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem).toMatchObject({ status: 422, parameter: 'assetId' });
    expect(problem!.message).toMatch(/^assetId: ffmpeg could not process kite-flight\.mp4 \(.+\)$/);
    expect(problem!.message).not.toContain(tmpdir());
    expect(reads.count).toBe(1);
    // Remembered: asking again does not start ffmpeg again. Packaging the same bytes fails alike.
    expect(await problemOf(media.poster(video))).toBe(problem);
    expect(reads.count).toBe(1);
    expect((await problemOf(media.stream(video)))!.status).toBe(422);
  });

  it('a broken PDF is a 422 naming pdftoppm', async () => {
    const { media } = await service({}, Buffer.from('%PDF-1.4\nnothing else'));
    const problem = await problemOf(media.poster({ ...sample('brand-guidelines.pdf'), binaryHash: 'broken-pdf' }));
    expect(problem).toMatchObject({ status: 422, message: expect.stringMatching(/^assetId: pdftoppm could not process brand-guidelines\.pdf/) });
  });
});

describe('limits', () => {
  it('a job over its timeout is killed and answered with a 503 naming the tool; its temp folders are gone', async () => {
    const { media, dir } = await service({ frameTimeoutMs: 1 });
    const video = sample('kite-flight.mp4');
    const problem = await problemOf(media.poster(video));
    expect(problem).toMatchObject({ status: 503, message: expect.stringMatching(/^ffmpeg: .*kite-flight\.mp4 took longer than 1 ms and was stopped$/) });
    // The job folder (with its copy of the video) went with the job.
    expect(await readdir(join(dir, 'media', video.binaryHash))).toEqual([]);
  });

  it('videos longer than the limit are refused before any encoding', async () => {
    const { media } = await service({ maxStreamSeconds: 2 });
    const problem = await problemOf(media.stream(sample('kite-flight.mp4')));
    expect(problem).toMatchObject({ status: 422, message: 'assetId: kite-flight.mp4 runs 5 s; the emulator packages videos of up to 2 s' });
    expect(media.stats()).toMatchObject({ packaged: 0 });
  });

  it('past the queue, a 503 with Retry-After, which is not remembered', async () => {
    const { media } = await service({ frameConcurrency: 1, frameQueue: 0 });
    const video = sample('kite-flight.mp4');
    const pdf = sample('brand-guidelines.pdf');
    // Whichever reaches the limiter second is refused: one slot, no queue.
    const settled = await Promise.allSettled([media.poster(video), media.poster(pdf)]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = settled.findIndex((s) => s.status === 'rejected');
    expect(settled[refused]).toMatchObject({ reason: { status: 503, headers: { 'Retry-After': '2' } } });
    expect((await media.poster([video, pdf][refused]!)).width).toBeGreaterThan(0);
  });
});
