#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_API_KEY, DEV_TOKENS } from './auth/devTokens.ts';
import { isFound } from './media/findTool.ts';
import { DEFAULT_UPLOAD_LIMIT, defaultDataDir, startEmulator } from './server.ts';

const HELP = `DM OpenAPI emulator: search and delivery over a durable repository of real images,
and the Assets HTTP API (/api/assets) to upload, organize and approve.

Usage: npm run emulator -- [options]

  --port N          port to listen on (default 4010; 0 picks a free port)
  --host H          interface to listen on (default 127.0.0.1)
  --catalog DIR     seed an empty store with the images in DIR (titles from file names,
                    all approved) instead of the sample catalog
  --data DIR        where the repository is stored (default .data/emulator in the project;
                    with --catalog, .data/emulator-<hash of DIR>)
  --reset           delete the store first and seed it again
  --webhook URL     post delivery events (CloudEvents JSON) to URL; repeatable
  --max-upload MB   largest upload in MiB (default ${DEFAULT_UPLOAD_LIMIT / 1024 / 1024})
  --synthetic N     serve N synthetic assets (1–100000) that reuse the catalog's images
  --require-auth    search needs "Authorization: Bearer <token>" and "X-Api-Key: ${DEV_API_KEY}"
                    tokens: ${Object.keys(DEV_TOKENS).join(', ')}
                    (writes under /api/assets need dev-token-contributor or dev-token-editor)
  --avif            AVIF entitlement: auto-format may deliver AVIF to browsers that accept it
  --cache-dir DIR   where smart crops, posters and video streams, and pre-warmed
                    thumbnails are cached (default .cache/emulator)
  --no-prewarm      do not render the grid's thumbnails ahead of requests (by default
                    the first page of results at start, and each image or video on approval,
                    in the background and kept in the cache dir)
  --faults          fault injection for tests: POST /_emulator/faults with
                    {"path": "/adobe/assets/search", "status": 503, "count": 1} fails the
                    next matching requests; DELETE /_emulator/faults clears them
  --quiet           do not log requests
  --help            this text
`;

function fail(message: string): never {
  console.error(`emulator: ${message}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      catalog: { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean' },
      webhook: { type: 'string', multiple: true },
      'max-upload': { type: 'string' },
      synthetic: { type: 'string' },
      'require-auth': { type: 'boolean' },
      avif: { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-prewarm': { type: 'boolean' },
      faults: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const started = performance.now();
try {
  const emulator = await startEmulator({
    port: integer('port', args.port, 0, 65535) ?? 4010,
    host: args.host,
    catalogDir: args.catalog,
    synthetic: integer('synthetic', args.synthetic, 1, 100_000),
    requireAuth: args['require-auth'] ?? false,
    avif: args.avif ?? false,
    cacheDir: args['cache-dir'],
    prewarm: !args['no-prewarm'],
    faults: args.faults ?? false,
    log: !args.quiet,
    dataDir: args.data ?? defaultDataDir(args.catalog),
    reset: args.reset ?? false,
    webhooks: args.webhook ?? [],
    uploadLimit: (integer('max-upload', args['max-upload'], 1, 16_384) ?? DEFAULT_UPLOAD_LIMIT / 1024 / 1024) * 1024 * 1024,
  });
  const { catalog, index } = emulator.context;
  const { store } = emulator;
  console.log(
    `DM OpenAPI emulator: ${catalog.assets.length} assets (${index.size} approved), ready in ${Math.round(performance.now() - started)} ms` +
      `${args['require-auth'] ? ', auth required' : ''}${args.avif ? ', AVIF entitled' : ''}${args.faults ? ', fault injection on' : ''}`,
  );
  console.log(`Store: ${store.dir} (${store.seededNow ? 'seeded now from' : 'seeded earlier from'} ${store.seededFrom ?? 'nothing'})`);
  const wanted = args.catalog === undefined ? 'the sample catalog' : resolve(args.catalog);
  if (!store.seededNow && store.seededFrom !== wanted) {
    console.warn(`emulator: this store was seeded from ${store.seededFrom}, not ${wanted}; use --reset to seed it again, or another --data`);
  }
  const { media } = emulator.context;
  // What video and PDF delivery can do here, or which tool is missing and how to get it.
  (isFound(media.tools.ffmpeg) && isFound(media.tools.pdftoppm) ? console.log : console.warn)(media.summary());
  console.log(`Open ${emulator.url}/`);
  void emulator.prewarmed?.then((r) =>
    console.log(`Thumbnails pre-warmed: ${r.assets} images and videos, ${r.rendered} rendered and ${r.fromDisk} read from the cache dir, in ${Math.round(r.ms)} ms`),
  );
  const stop = () => emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') fail(`port ${args.port ?? 4010} is in use; pick another with --port`);
  if (e.code === 'ENOENT') fail(`cannot read ${e.path ?? 'the catalog folder'}`);
  if (e instanceof TypeError) fail(`--${e.message}`);
  fail(e.message);
}
