import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ownerKey, type Archive } from '../archives/archiveService.ts';
import { parseArchiveRequest } from '../archives/archiveRequest.ts';
import { identifyCaller, type Caller } from '../auth/caller.ts';
import { DEV_API_KEY } from '../auth/devTokens.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { contentDisposition } from '../http/contentDisposition.ts';
import { notFound, ProblemError } from '../http/problem.ts';
import { readJson, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { originOf } from './sirenEntities.ts';

const BASE = '/adobe/assets/archives';
const ARCHIVE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * dm-openapi.txt: "Bearer or ApiKeyAuth" for the request and its status. Under `--require-auth`
 * either credential will do; a token (which may carry roles) decides which assets go in.
 */
function archiveCaller(ctx: EmulatorContext, req: IncomingMessage): Caller {
  const caller = identifyCaller(req, 'optional');
  if (ctx.requireAuth && !caller.authenticated && req.headers['x-api-key'] !== DEV_API_KEY) {
    throw new ProblemError(401, 'Authorization: a bearer token or an API key (X-Api-Key) is required', 'Authorization', { 'WWW-Authenticate': 'Bearer realm="asset-selector-emulator"' });
  }
  return caller;
}

/** Poll again after this many seconds: about the time the archive's bytes take to write. */
const RETRY_AFTER = '1';

function statusBody(ctx: EmulatorContext, req: IncomingMessage, archive: Archive) {
  const tokenExpiry = Math.min(Date.now() + ctx.limits.archiveTokenTtlMs, archive.expiresAt);
  return {
    id: archive.id,
    format: archive.format,
    status: archive.status,
    submittedBy: archive.submittedBy,
    submittedDate: archive.submittedDate,
    ...(archive.status === 'COMPLETED'
      ? {
          files: archive.files.map((file) => ({
            name: file.name,
            size: file.size,
            entries: file.entries,
            url: `${originOf(req)}${BASE}/${archive.id}/files/${encodeURIComponent(file.name)}?token=${ctx.archives.tokens.sign(archive.id, file.name, tokenExpiry)}`,
          })),
          expiryTime: new Date(tokenExpiry).toISOString(),
        }
      : {}),
    warnings: archive.warnings,
    errors: archive.error ? [{ detail: archive.error }] : [],
  };
}

/** `POST /archives`, `GET /archives/{id}/status` and `GET /archives/{id}/files/{name}?token=…`. */
export function archiveRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('POST', /^\/adobe\/assets\/archives$/, async ({ req, res }) => {
    const caller = archiveCaller(ctx, req);
    const request = parseArchiveRequest(await readJson(req, 'an archive request { "items", "format", "namePrefix" }'), ctx.limits.archiveMaxItems);
    const archive = ctx.archives.submit(request, caller, caller.authenticated ? 'emulator user' : 'anonymous');
    res.setHeader('Location', `${originOf(req)}${BASE}/${archive.id}/status`);
    res.setHeader('Retry-After', RETRY_AFTER);
    sendJson(req, res, { id: archive.id, format: archive.format, submittedBy: archive.submittedBy, submittedDate: archive.submittedDate }, { cacheControl: 'no-store' }, 202);
  });

  router.add('GET', /^\/adobe\/assets\/archives\/([^/]+)\/status$/, ({ req, res, params }) => {
    const caller = archiveCaller(ctx, req);
    const archive = ARCHIVE_ID.test(params[0]!) ? ctx.archives.get(params[0]!) : undefined;
    // Only the credentials it was built for may poll it: another token's archive is as unknown as none.
    if (!archive || archive.owner !== ownerKey(caller)) throw notFound(`archiveId: no archive ${params[0]!.slice(0, 80)}`, 'archiveId');
    if (archive.status === 'PROCESSING') res.setHeader('Retry-After', RETRY_AFTER);
    sendJson(req, res, statusBody(ctx, req, archive), { cacheControl: 'no-store' });
  });

  router.add('GET', /^\/adobe\/assets\/archives\/([^/]+)\/files\/([^/]+)$/, async ({ req, res, url, params }) => {
    const [id, name] = params as [string, string];
    // The token is the credential ("anonymous retrieval"): checked before anything about the archive is revealed.
    ctx.archives.tokens.verify(url.searchParams.get('token'), id, name);
    const file = ctx.archives.fileOf(id, name);
    if (!file) throw notFound(`fileName: no file ${name.slice(0, 80)} in archive ${id.slice(0, 40)} (it may have expired)`, 'fileName');
    res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(true, name),
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file.path), res);
  });
}
