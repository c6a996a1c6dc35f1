import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { ProblemError } from '../http/problem.ts';
import { publish, sweepTemps, tempSibling } from './atomicPublish.ts';
import { FFMPEG, findTool, isFound, PDFTOPPM, type FoundTool, type ToolStatus } from './findTool.ts';
import { JobLimiter } from './jobLimiter.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from './mediaLimits.ts';
import { toolFailureProblem, unreadable } from './mediaProblems.ts';
import { pdfPageArgs } from './pdfFirstPage.ts';
import { pngSize } from './pngSize.ts';
import { posterArgs, posterTime } from './posterFrame.ts';
import { parseProbe, probeArgs, type VideoProbe } from './probeVideo.ts';
import { lastLine, runTool } from './runTool.ts';
import { indexStream, readStreamIndex, STREAM_FORMAT, type PackagedStream, type StreamFile } from './streamIndex.ts';
import { audioRepresentation, packageArgs, streamLadder } from './streamPackaging.ts';

export interface MediaTools {
  ffmpeg: ToolStatus;
  pdftoppm: ToolStatus;
}

export interface MediaServiceOptions {
  /** The emulator's cache folder; everything goes under `<cacheDir>/media/<binaryHash>/`. */
  cacheDir: string;
  readBinary: (asset: AssetRecord) => Promise<Buffer>;
  /** Found tools; by default looked up in `env` with {@link findTool}. */
  tools?: MediaTools;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<MediaLimits>;
}

/** A still that stands for a video or a PDF in image delivery: a PNG on disk and its size. */
export interface Poster {
  width: number;
  height: number;
  /** Part of the delivery ETag, so a change in how posters are made changes every URL's validator. */
  version: string;
  read(): Promise<Buffer>;
}

const POSTER_VERSION = 'poster/1';
const SAFE_HASH = /^[A-Za-z0-9_-]{1,128}$/;

export const isVideo = (asset: AssetRecord) => asset.mimeType.startsWith('video/');
export const isPdf = (asset: AssetRecord) => asset.mimeType === 'application/pdf';

/**
 * Posters (a frame of a video, page 1 of a PDF) and HLS/DASH packaging, with ffmpeg and pdftoppm.
 *
 * Each result is made once per binary and kept under the cache folder, published by rename so a
 * crash never leaves half a stream; requests for the same binary meanwhile share one job. Jobs run
 * through limiters with timeouts, over copies of the store's own bytes, never a path from a request.
 * Without a tool its endpoints answer 501 naming it, and everything else works as before.
 */
export class MediaService {
  readonly tools: MediaTools;
  readonly #root: string;
  readonly #readBinary: (asset: AssetRecord) => Promise<Buffer>;
  readonly #limits: MediaLimits;
  readonly #frames: JobLimiter;
  readonly #packaging: JobLimiter;
  readonly #posters = new Map<string, Promise<{ width: number; height: number; file: string }>>();
  readonly #streams = new Map<string, Promise<PackagedStream>>();
  readonly #probes = new Map<string, VideoProbe>();
  readonly #failures = new Map<string, { error: ProblemError; at: number }>();
  readonly #counts = { posters: 0, pages: 0, packaged: 0, fromDisk: 0 };

  private constructor(options: MediaServiceOptions, tools: MediaTools) {
    this.tools = tools;
    this.#root = join(options.cacheDir, 'media');
    this.#readBinary = options.readBinary;
    this.#limits = { ...DEFAULT_MEDIA_LIMITS, ...options.limits };
    this.#frames = new JobLimiter('media posters', this.#limits.frameConcurrency, this.#limits.frameQueue);
    this.#packaging = new JobLimiter('video packaging', this.#limits.packageConcurrency, this.#limits.packageQueue);
  }

  static async create(options: MediaServiceOptions): Promise<MediaService> {
    const env = options.env ?? process.env;
    const [ffmpeg, pdftoppm] = options.tools ? [options.tools.ffmpeg, options.tools.pdftoppm] : await Promise.all([findTool(FFMPEG, env), findTool(PDFTOPPM, env)]);
    const tools = { ffmpeg, pdftoppm };
    const service = new MediaService(options, tools);
    await sweepTemps(service.#root, 60 * 60 * 1000);
    return service;
  }

  /** One line for the start-up log: what works, and what is missing and how to get it. */
  summary(): string {
    const { ffmpeg, pdftoppm } = this.tools;
    const part = (tool: ToolStatus, what: string) =>
      isFound(tool) ? `${what} with ${tool.name} ${tool.version} (${tool.path})` : `${what} unavailable (501): ${tool.name} ${tool.missing}`;
    return `Media: ${part(ffmpeg, 'video posters and HLS/DASH streams')}; ${part(pdftoppm, 'PDF thumbnails')}`;
  }

  /** Whether image delivery can stand a poster in for this asset (tool or not). */
  hasPoster(asset: AssetRecord): boolean {
    return isVideo(asset) || isPdf(asset);
  }

  /** The poster of a video or page 1 of a PDF, made on first use. */
  async poster(asset: AssetRecord): Promise<Poster> {
    const tool = this.#tool(isVideo(asset) ? 'ffmpeg' : 'pdftoppm', isVideo(asset) ? 'video posters' : 'PDF thumbnails');
    const key = `${this.#safeHash(asset)}/${POSTER_VERSION}`;
    const poster = await this.#once(this.#posters, key, () => this.#loadPoster(asset, tool));
    return {
      width: poster.width,
      height: poster.height,
      version: POSTER_VERSION,
      read: () =>
        readFile(poster.file).catch(() => {
          // Someone emptied the cache folder under a running emulator: make it again next time.
          this.#posters.delete(key);
          throw new ProblemError(503, `media: the poster of ${asset.name} left the cache folder; try again`, undefined, { 'Retry-After': '1' });
        }),
    };
  }

  /** The video's HLS and DASH packaging, made on first use. */
  stream(asset: AssetRecord): Promise<PackagedStream> {
    const tool = this.#tool('ffmpeg', 'HLS and DASH streams');
    return this.#once(this.#streams, `${this.#safeHash(asset)}/${STREAM_FORMAT}`, () => this.#loadStream(asset, tool));
  }

  /** One file of the video's stream, if the packaging has it (the route serves nothing else). */
  async readStreamFile(asset: AssetRecord, name: string): Promise<{ data: Buffer; file: StreamFile } | undefined> {
    const stream = await this.stream(asset);
    const file = stream.files.get(name);
    if (!file) return undefined;
    try {
      return { data: await readFile(join(stream.dir, name)), file };
    } catch {
      // Someone emptied the cache folder under a running emulator: package again next time.
      this.#streams.delete(`${asset.binaryHash}/${STREAM_FORMAT}`);
      throw new ProblemError(503, `media: the stream of ${asset.name} left the cache folder; try again`, undefined, { 'Retry-After': '1' });
    }
  }

  stats() {
    return { ...this.#counts, frames: this.#frames.stats(), packaging: this.#packaging.stats() };
  }

  #tool(name: keyof MediaTools, what: string): FoundTool {
    const tool = this.tools[name];
    if (isFound(tool)) return tool;
    throw new ProblemError(501, `${name}: ${what} need ${name}, which this emulator does not have: ${tool.missing}`);
  }

  #safeHash(asset: AssetRecord): string {
    if (!SAFE_HASH.test(asset.binaryHash)) throw new Error(`binaryHash of ${asset.id} is not a hash`);
    return asset.binaryHash;
  }

  /** One job per key at a time; a failure is remembered for a while so a broken file is not retried on every request. */
  #once<T>(jobs: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const failed = this.#failures.get(key);
    if (failed && Date.now() - failed.at < this.#limits.failureMemoryMs) return Promise.reject(failed.error);
    let pending = jobs.get(key);
    if (!pending) {
      pending = make();
      jobs.set(key, pending);
      pending.catch((error: unknown) => {
        jobs.delete(key);
        // A full queue says "retry shortly"; anything else would fail the same way again.
        if (error instanceof ProblemError && !error.headers['Retry-After']) this.#failures.set(key, { error, at: Date.now() });
      });
    }
    return pending;
  }

  async #loadPoster(asset: AssetRecord, tool: FoundTool) {
    const file = join(this.#root, asset.binaryHash, isVideo(asset) ? 'poster-1.png' : 'page-1.png');
    const cached = await readFile(file).then(pngSize, () => undefined);
    if (cached) {
      this.#counts.fromDisk++;
      return { ...cached, file };
    }
    const data = await this.#frames.run(() => (isVideo(asset) ? this.#videoPoster(asset, tool) : this.#pdfPage(asset, tool)));
    const size = pngSize(data);
    if (!size) throw unreadable(asset, tool, 'it wrote no PNG');
    await mkdir(join(this.#root, asset.binaryHash), { recursive: true });
    const temp = tempSibling(file);
    await writeFile(temp, data);
    await publish(temp, file);
    return { ...size, file };
  }

  async #videoPoster(asset: AssetRecord, tool: FoundTool): Promise<Buffer> {
    return this.#withSource(asset, async (source, scrub) => {
      const probe = await this.#probe(asset, tool, source, scrub);
      const run = (seek: number) =>
        this.#run(asset, tool, 'making the poster of', { args: posterArgs(source, probe, seek), timeoutMs: this.#limits.frameTimeoutMs, maxOutputBytes: 256 * 1024 * 1024 }, scrub);
      const seek = posterTime(probe.duration);
      let frame = await run(seek);
      // A duration that overstates the video seeks past its end, where there is no frame.
      if (frame.length === 0 && seek > 0) frame = await run(0);
      this.#counts.posters++;
      return frame;
    });
  }

  async #pdfPage(asset: AssetRecord, tool: FoundTool): Promise<Buffer> {
    const page = await this.#run(asset, tool, 'rendering page 1 of', {
      args: pdfPageArgs(),
      input: await this.#readBinary(asset),
      timeoutMs: this.#limits.frameTimeoutMs,
      maxOutputBytes: 64 * 1024 * 1024,
    });
    this.#counts.pages++;
    return page;
  }

  async #loadStream(asset: AssetRecord, tool: FoundTool): Promise<PackagedStream> {
    const final = join(this.#root, asset.binaryHash, 'stream-1');
    const cached = await readStreamIndex(final);
    if (cached) {
      this.#counts.fromDisk++;
      return cached;
    }
    return this.#packaging.run(() =>
      this.#withSource(asset, async (source, scrub) => {
        const probe = await this.#probe(asset, tool, source, scrub);
        const seconds = probe.duration ?? 0;
        if (seconds > this.#limits.maxStreamSeconds) {
          throw new ProblemError(422, `assetId: ${asset.name} runs ${Math.round(seconds)} s; the emulator packages videos of up to ${this.#limits.maxStreamSeconds} s`, 'assetId');
        }
        const ladder = streamLadder(probe);
        const temp = tempSibling(final);
        await mkdir(temp, { recursive: true });
        try {
          const timeoutMs = this.#limits.packageTimeoutMs + Math.ceil(seconds) * this.#limits.packageMsPerSecond;
          await this.#run(asset, tool, 'packaging', { args: packageArgs(source, probe, ladder, join(temp, 'manifest.mpd')), timeoutMs }, (text) => scrub(text).replaceAll(temp, 'stream'));
          await indexStream(temp, audioRepresentation(ladder, probe)).catch((error: Error) => {
            throw unreadable(asset, tool, error.message);
          });
          await publish(temp, final);
        } finally {
          await rm(temp, { recursive: true, force: true });
        }
        this.#counts.packaged++;
        const published = await readStreamIndex(final);
        if (!published) throw new Error(`the stream of ${asset.name} was published but cannot be read back`);
        return published;
      }),
    );
  }

  /** The probe of a binary, once per process. */
  async #probe(asset: AssetRecord, tool: FoundTool, source: string, scrub: (text: string) => string): Promise<VideoProbe> {
    const known = this.#probes.get(asset.binaryHash);
    if (known) return known;
    const { stderr } = await runTool({ command: tool.path, args: probeArgs(source), timeoutMs: this.#limits.frameTimeoutMs }).catch((error: unknown) => {
      throw toolFailureProblem(asset, tool, 'reading', error);
    });
    const probe = parseProbe(stderr);
    if (!probe) throw unreadable(asset, tool, scrub(lastLine(stderr)) || 'it found no video stream');
    this.#probes.set(asset.binaryHash, probe);
    return probe;
  }

  /**
   * Runs `work` over a copy of the asset's bytes in a job folder of its own, removed afterwards.
   * ffmpeg needs a seekable file (an MP4's index is often at its end), and copying the store's
   * bytes keeps this independent of where and how the store keeps them.
   */
  async #withSource<T>(asset: AssetRecord, work: (source: string, scrub: (text: string) => string) => Promise<T>): Promise<T> {
    const dir = tempSibling(join(this.#root, asset.binaryHash, 'job'));
    await mkdir(dir, { recursive: true });
    try {
      const source = join(dir, 'source');
      await writeFile(source, await this.#readBinary(asset));
      // Error details reach clients: they name the asset, never a path on this machine.
      return await work(source, (text) => text.replaceAll(source, asset.name));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async #run(
    asset: AssetRecord,
    tool: FoundTool,
    doing: string,
    run: { args: string[]; input?: Buffer; timeoutMs: number; maxOutputBytes?: number },
    scrub: (text: string) => string = (text) => text,
  ): Promise<Buffer> {
    let result;
    try {
      result = await runTool({ command: tool.path, ...run });
    } catch (error) {
      throw toolFailureProblem(asset, tool, doing, error);
    }
    if (result.code !== 0) throw unreadable(asset, tool, scrub(lastLine(result.stderr)) || `exit code ${result.code}`);
    return result.stdout;
  }
}
