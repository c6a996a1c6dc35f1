import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { identifyCaller } from './auth/caller.ts';
import { isImage } from './catalog/assetRecord.ts';
import { loadAssetCatalog } from './catalog/loadAssetCatalog.ts';
import { TransformQueue } from './delivery/transformQueue.ts';
import { RenditionDiskCache } from './delivery/renditionDiskCache.ts';
import { ThumbnailPrewarmer, type PrewarmReport } from './delivery/thumbnailPrewarmer.ts';
import { DeliveryEvents } from './events/deliveryEvents.ts';
import { parseWebhookUrl, WebhookSender } from './events/webhookSender.ts';
import { Repository } from './repository/repository.ts';
import { assetsApiRoutes } from './routes/assetsApiRoutes.ts';
import { emulatorEventRoutes } from './routes/emulatorEventRoutes.ts';
import { RepositoryStore } from './store/repositoryStore.ts';
import type { RenderedImage } from './delivery/renderImage.ts';
import type { EmulatorContext } from './emulatorContext.ts';
import { answerParseError } from './http/answerParseError.ts';
import { FaultInjector } from './http/faults.ts';
import { MediaService } from './media/mediaService.ts';
import { ProblemError } from './http/problem.ts';
import { applyCors, sendPreflight, sendProblem } from './http/respond.ts';
import { Router } from './http/router.ts';
import { serveStatic, type StaticMount } from './http/serveStatic.ts';
import { collectionRoutes } from './routes/collectionRoutes.ts';
import { deliveryRoutes } from './routes/deliveryRoutes.ts';
import { metadataRoutes } from './routes/metadataRoutes.ts';
import { searchRoutes } from './routes/searchRoutes.ts';
import { searchTokenRoutes } from './routes/searchTokenRoutes.ts';
import { ArchiveService } from './archives/archiveService.ts';
import { archiveRoutes } from './routes/archiveRoutes.ts';
import { CollectionJobs } from './collections/collectionJobs.ts';
import { CollectionService } from './collections/collectionService.ts';
import { DEFAULT_LIMITS, type EmulatorLimits } from './limits.ts';
import { SearchIndex } from './search/searchIndex.ts';
import { SearchService } from './search/searchService.ts';
import { SmartCropStore } from './smartcrop/smartCropStore.ts';
import { sha1 } from './catalog/assetId.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * What is served as plain files: the landing page, the built bundles and the demo host pages,
 * each folder by name. Never the whole of demo/, which also holds the sample catalog (its
 * binaries reach clients only through the delivery API, which hides unapproved and restricted
 * assets) and the emulator's own sources.
 */
const STATIC_MOUNTS: readonly StaticMount[] = [
  { prefix: '/dist/', dir: resolve(PROJECT_ROOT, 'dist') },
  ...['vanilla', 'custom-element', 'common', 'adobe-compat', 'hostile'].map((folder) => ({ prefix: `/demo/${folder}/`, dir: resolve(PROJECT_ROOT, 'demo', folder) })),
  // A host page under a strict Content-Security-Policy: the selector must work with nothing inline.
  { prefix: '/demo/csp/', dir: resolve(PROJECT_ROOT, 'demo', 'csp'), headers: strictPolicy },
  { prefix: '/', dir: resolve(PROJECT_ROOT, 'public') },
];

/**
 * The policy of /demo/csp/: scripts and styles only from files, images and requests only from the
 * repository (here the emulator itself, named by its origin as a host would name its repository's).
 */
function strictPolicy(req: IncomingMessage): Record<string, string> {
  // Only a plain host[:port] goes into the policy: a Host header cannot add directives to it.
  const host = /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(req.headers.host ?? '') ? req.headers.host : '127.0.0.1';
  const emulator = `http://${host}`;
  return {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' ${emulator}; connect-src ${emulator}`,
  };
}

export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Default 127.0.0.1: the emulator is a development tool, not something to expose. */
  host?: string;
  /** A folder of images instead of the sample catalog. */
  catalogDir?: string;
  /** Serve this many synthetic assets (reusing the catalog's binaries) instead. */
  synthetic?: number;
  /** Search needs `Authorization: Bearer …` and `X-Api-Key`. */
  requireAuth?: boolean;
  /** The AVIF entitlement: auto-format may pick AVIF for browsers that accept it. */
  avif?: boolean;
  /** Where smart crops, video posters and streams, and pre-warmed thumbnails are cached between runs. Default `.cache/emulator` in the project. */
  cacheDir?: string;
  /**
   * Render the grid's thumbnails ahead of requests, in the background (delivery/thumbnailPrewarmer.ts):
   * the first page of the default order at start, and each image as it is approved. Off by
   * default here (tests); the CLI turns it on unless `--no-prewarm`.
   */
  prewarm?: boolean;
  /** Log one line per request (never headers, so never tokens). */
  log?: boolean;
  /** Fault injection for end-to-end tests: `POST /_emulator/faults` (http/faults.ts). Off by default. */
  faults?: boolean;
  /**
   * Where the repository is stored (`repository.sqlite`, `binaries/`). Without it, a throw-away
   * store in the system's temporary folder, removed by `close()` (what tests want); the CLI
   * defaults to `.data/emulator` in the project.
   */
  dataDir?: string;
  /** Start with an empty store (seeded again from the catalog). */
  reset?: boolean;
  /** URLs that receive the delivery events (CloudEvents JSON). */
  webhooks?: readonly string[];
  /** Largest upload in bytes (default 100 MiB). */
  uploadLimit?: number;
  /** Webhook retries: attempts per event (default 5) and the first backoff (default 500 ms, doubling). */
  webhookRetry?: { attempts?: number; baseDelayMs?: number };
  /** Bounds on collections and archives (limits.ts); tests lower them. */
  limits?: Partial<EmulatorLimits>;
}

/** Default of `--max-upload`. */
export const DEFAULT_UPLOAD_LIMIT = 100 * 1024 * 1024;

export interface Emulator {
  url: string;
  server: Server;
  context: EmulatorContext;
  /** Where the store is, and whether it was seeded at this start. */
  store: { dir: string; seededNow: boolean; seededFrom: string | undefined };
  /** With `prewarm`: resolves when the start's thumbnails are warm, with what it took. */
  prewarmed: Promise<PrewarmReport> | undefined;
  close(): Promise<void>;
}

/** The default `--data` of the CLI: one store per catalog, so `--catalog DIR` never mixes with the samples. */
export function defaultDataDir(catalogDir: string | undefined): string {
  if (catalogDir === undefined) return resolve(PROJECT_ROOT, '.data/emulator');
  return resolve(PROJECT_ROOT, '.data', `emulator-${sha1(resolve(catalogDir)).slice(0, 12)}`);
}

async function buildContext(options: EmulatorOptions = {}): Promise<{ context: EmulatorContext; prewarmer: ThumbnailPrewarmer | undefined; dispose: () => Promise<void>; store: Emulator['store'] }> {
  const webhookUrls = (options.webhooks ?? []).map(parseWebhookUrl);
  if (options.catalogDir !== undefined) await stat(options.catalogDir);
  const ephemeral = options.dataDir === undefined;
  const dir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'asset-emulator-')));
  const store = await RepositoryStore.open({ dir, reset: options.reset ?? false, durable: !ephemeral });
  let repository: Repository;
  try {
    repository = await Repository.open(store, {
      seed: () => loadAssetCatalog(options.catalogDir),
      seedSource: options.catalogDir === undefined ? 'the sample catalog' : resolve(options.catalogDir),
      ...(options.synthetic !== undefined ? { synthetic: options.synthetic } : {}),
    });
  } catch (error) {
    store.close();
    if (ephemeral) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const index = new SearchIndex(repository.assets);
  const search = new SearchService(index);
  const cacheDir = options.cacheDir ?? resolve(PROJECT_ROOT, '.cache/emulator');
  const smartCrops = new SmartCropStore({ cacheDir, readBinary: (asset) => repository.readBinary(asset) });
  const transforms = new TransformQueue<RenderedImage>();
  let prewarmer: ThumbnailPrewarmer | undefined;
  repository.onChange((changes) => {
    let pixelsGone = false;
    for (const { before, after } of changes) {
      if (after) index.put(after);
      else if (before) index.remove(before.id);
      if (before && (!after || after.binaryHash !== before.binaryHash)) pixelsGone = true;
      // Approval computes the smart crops from the real binary, ahead of the first request for one.
      if (after && after.status === 'approved' && isImage(after) && (!before || before.status !== 'approved' || before.binaryHash !== after.binaryHash)) {
        smartCrops.list(after).catch(() => undefined);
        prewarmer?.add([after]);
      }
    }
    // Renders of a replaced or deleted binary are unreachable (ETags changed); drop them at once.
    if (pixelsGone) transforms.clear();
  });
  repository.onBinaryDeleted((sha256) => void smartCrops.forget(sha256));
  const webhooks = new WebhookSender(webhookUrls, {
    log: options.log ? (line) => console.log(line) : () => {},
    ...(options.webhookRetry?.attempts !== undefined ? { maxAttempts: options.webhookRetry.attempts } : {}),
    ...(options.webhookRetry?.baseDelayMs !== undefined ? { baseDelayMs: options.webhookRetry.baseDelayMs } : {}),
  });
  const events = new DeliveryEvents(repository, (event) => webhooks.send(event));
  events.start();
  const limits: EmulatorLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const archives = await ArchiveService.open(repository, limits, store.dir);
  const context: EmulatorContext = {
    catalog: repository,
    repository,
    index,
    search,
    smartCrops,
    transforms,
    renditionCache: new RenditionDiskCache(cacheDir),
    webhooks,
    uploadLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
    media: await MediaService.create({ cacheDir, readBinary: (asset) => repository.readBinary(asset) }),
    collections: new CollectionService(repository, limits),
    collectionJobs: new CollectionJobs(),
    archives,
    limits,
    requireAuth: options.requireAuth ?? false,
    avifEntitled: options.avif ?? false,
  };
  if (options.prewarm) prewarmer = new ThumbnailPrewarmer(context);
  const dispose = async () => {
    archives.close();
    // After the render in flight, so nothing writes into the cache dir once closed.
    prewarmer?.stop();
    await prewarmer?.idle();
    events.close();
    webhooks.close();
    store.close();
    if (ephemeral) await rm(dir, { recursive: true, force: true });
  };
  return { context, prewarmer, dispose, store: { dir: store.dir, seededNow: repository.seeded.now, seededFrom: repository.seeded.from } };
}

function createRequestHandler(ctx: EmulatorContext, options: EmulatorOptions = {}) {
  const router = new Router();
  searchRoutes(router, ctx);
  searchTokenRoutes(router, ctx);
  metadataRoutes(router, ctx);
  collectionRoutes(router, ctx);
  archiveRoutes(router, ctx);
  deliveryRoutes(router, ctx);
  assetsApiRoutes(router, ctx);
  emulatorEventRoutes(router, ctx);

  const faults = options.faults ? new FaultInjector() : undefined;

  return async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    if (options.log) {
      res.once('close', () => {
        const path = req.url?.split('?')[0] ?? '';
        const outcome = res.writableFinished ? String(res.statusCode) : 'aborted by the client';
        console.log(`${req.method} ${path} ${outcome} ${(performance.now() - started).toFixed(1)} ms`);
      });
    }
    applyCors(res);
    try {
      const url = parseRequestUrl(req);
      if (url.pathname.startsWith('/adobe/') || url.pathname === '/api.json' || url.pathname.startsWith('/api/')) {
        // An unknown token is a 401 on every endpoint, whatever the endpoint asks for; a search
        // token (POST /search/token) opens asset search and nothing else.
        const caller = identifyCaller(req, 'optional');
        if (caller.searchOnly && !(req.method === 'POST' && url.pathname === '/adobe/assets/search') && req.method !== 'OPTIONS') {
          throw new ProblemError(401, 'Authorization: a search token only authorizes POST /adobe/assets/search', 'Authorization', { 'WWW-Authenticate': 'Bearer realm="asset-selector-emulator"' });
        }
      }
      if (req.method === 'OPTIONS') sendPreflight(res);
      else if (faults && (await faults.handle(req, res, url))) return;
      else if (!(await router.handle(req, res, url))) {
        if (url.pathname.startsWith('/adobe/') || url.pathname === '/api.json' || url.pathname.startsWith('/api/') || !(await serveStatic(req, res, url.pathname, STATIC_MOUNTS))) {
          throw new ProblemError(404, `path: nothing is served at ${url.pathname}`, 'path');
        }
      }
    } catch (error) {
      if (error instanceof ProblemError) sendProblem(res, error);
      // A client that went away mid-request is not the emulator's failure; the request log says so.
      else if (req.destroyed || res.destroyed) res.destroy();
      else {
        console.error('emulator: unexpected error for', req.method, req.url?.split('?')[0], error);
        sendProblem(res, new ProblemError(500, 'the emulator failed unexpectedly; see its log'));
      }
    }
  };
}

/**
 * Rejects `..` segments before anything resolves them: `new URL` would silently normalise
 * `/adobe/assets/../x` to `/x`, hiding a client bug (or a probe) behind a different resource.
 */
function parseRequestUrl(req: IncomingMessage): URL {
  // Node's own check answers a bare 400; this one answers problem+json like every other.
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    throw new ProblemError(400, 'Host: HTTP/1.1 requests must carry a Host header', 'Host', { Connection: 'close' });
  }
  const raw = req.url ?? '/';
  // Only origin-form targets (`/path?query`): not `*`, not a proxy's absolute URL.
  if (!raw.startsWith('/')) throw new ProblemError(400, `path: the request target must be a path starting with "/", got "${raw.slice(0, 100)}"`, 'path');
  const path = raw.split(/[?#]/)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new ProblemError(400, 'path: malformed percent-encoding', 'path');
  }
  if (decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')) {
    throw new ProblemError(400, 'path: "." and ".." segments are not allowed', 'path');
  }
  // Prefixed, not resolved: `//x` as a base-relative URL would name a host.
  return new URL(`http://emulator.local${raw}`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  if (options.uploadLimit !== undefined && !(Number.isInteger(options.uploadLimit) && options.uploadLimit > 0)) {
    throw new TypeError(`uploadLimit: must be a positive integer number of bytes, got ${options.uploadLimit}`);
  }
  const { context, prewarmer, dispose, store } = await buildContext(options);
  const server = createServer({ requireHostHeader: false }, createRequestHandler(context, options));
  server.on('clientError', answerParseError);
  server.keepAliveTimeout = 5_000;
  // Whole requests, uploads included: 100 MiB at a slow 1 MB/s still fits.
  server.requestTimeout = 300_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 4010, host, done);
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    server,
    context,
    store,
    // Once the server listens: warming never holds up the start.
    prewarmed: prewarmer?.start(),
    close: () =>
      (closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }).then(dispose)),
  };
}
