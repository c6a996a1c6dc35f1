import type { IncomingMessage, ServerResponse } from 'node:http';
import { canWrite, identifyCaller, type Caller } from '../auth/caller.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { sha1 } from '../catalog/assetId.ts';
import { parseModifiers } from '../delivery/modifiers.ts';
import { renderImage } from '../delivery/renderImage.ts';
import { renditionSize, STATIC_RENDITIONS } from '../delivery/staticRenditions.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { contentDisposition } from '../http/contentDisposition.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { send, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { checkName, DAM_ROOT } from '../repository/damPath.ts';
import type { FolderRow } from '../store/rows.ts';
import { quote } from './assetLookup.ts';
import { assetWriteHandlers } from './assetsApiWrites.ts';
import { assetEntity, folderEntity, folderListing, originOf, renditionNames, servicesDocument, type SirenEntity } from './sirenEntities.ts';

/** What a request under `/api/assets` names. */
export interface ApiTarget {
  /** The DAM path named (for `*`, the folder it is in). */
  path: string;
  folder?: FolderRow;
  asset?: AssetRecord;
  /** `…/x.jpg/renditions/{name}` or `…/x.jpg/comments/…`. */
  child?: { kind: 'renditions' | 'comments'; name?: string };
  /** The last segment was `*`: the name comes from the form. */
  star: boolean;
}

const LIST_DEFAULT = 50;
const LIST_MAX = 200;

/** Anyone may read what delivery shows them; authors (writers) see every asset; `--require-auth` asks for a token. */
export function apiCaller(ctx: EmulatorContext, req: IncomingMessage): Caller {
  return identifyCaller(req, ctx.requireAuth ? 'bearer' : 'optional');
}

export function canSee(asset: AssetRecord, caller: Caller): boolean {
  return canWrite(caller) || isVisible(asset, caller);
}

/**
 * Resolves `/api/assets/{path}` against the repository: the folder or asset it names, or the
 * rendition or comments of an asset. Segments are checked as names; an asset hidden from the
 * caller is treated as absent.
 */
export function resolveTarget(ctx: EmulatorContext, rawSegments: string[], caller: Caller): ApiTarget {
  const segments = rawSegments.filter((s, i) => s !== '' || i < rawSegments.length - 1);
  let path = DAM_ROOT;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '*' && i === segments.length - 1) {
      const folder = ctx.repository.folder(path);
      if (folder) return { path, folder, star: true };
      // `missing.jpg/comments/*`: the asset is what is missing.
      if (i >= 2 && (segments[i - 1] === 'comments' || segments[i - 1] === 'renditions')) throw notFound(`path: no asset at ${path.slice(0, path.lastIndexOf('/'))}`, 'path');
      return { path, star: true };
    }
    checkName(segment, 'path');
    path = `${path}/${segment}`;
    const asset = ctx.repository.assetAt(path);
    if (asset && i < segments.length - 1) {
      if (!canSee(asset, caller)) throw notFound(`path: nothing is at ${path}`, 'path');
      const kind = segments[i + 1];
      const name = segments[i + 2];
      if ((kind !== 'renditions' && kind !== 'comments') || segments.length > i + 3) {
        throw notFound(`path: ${path} is an asset; its children are renditions/{name} and comments/*`, 'path');
      }
      if (name !== undefined && name !== '*') checkName(name, kind === 'renditions' ? 'renditionName' : 'path');
      return { path, asset, child: { kind, ...(name !== undefined ? { name } : {}) }, star: false };
    }
  }
  const asset = ctx.repository.assetAt(path);
  if (asset && !canSee(asset, caller)) return { path, star: false };
  const folder = asset ? undefined : ctx.repository.folder(path);
  return { path, ...(asset ? { asset } : {}), ...(folder ? { folder } : {}), star: false };
}

/** The decoded segments after `/api/assets/`. */
export function segmentsOf(url: URL): string[] {
  const rest = url.pathname.slice('/api/assets'.length).replace(/^\//, '');
  return rest === '' ? [] : rest.split('/').map((s) => decodeURIComponent(s));
}

/**
 * The Assets HTTP API (`/api/assets`, as shared/spec/assets-http-api.md describes it) over the
 * durable repository: Siren JSON for folders and assets, and every write. Reads are here; writes
 * in {@link assetWriteHandlers}.
 */
export function assetsApiRoutes(router: Router, ctx: EmulatorContext): void {
  const writes = assetWriteHandlers(ctx);

  router.add('GET', /^\/api\.json$/, ({ req, res }) => {
    apiCaller(ctx, req);
    sendJson(req, res, servicesDocument(originOf(req)), { cacheControl: 'no-cache' });
  });

  router.add('GET', /^\/api\/assets\.json$/, ({ req, res, url }) => {
    const caller = apiCaller(ctx, req);
    sendFolder(req, res, url, ctx.repository.folder(DAM_ROOT)!, caller);
  });

  router.add(['GET', 'POST', 'PUT', 'DELETE', 'COPY', 'MOVE'], /^\/api\/assets(?:\/.*)?$/, async ({ req, res, url }) => {
    if (req.method === 'GET' || req.method === 'HEAD') return read(req, res, url);
    await writes[req.method as 'POST' | 'PUT' | 'DELETE' | 'COPY' | 'MOVE'](req, res, url);
  });

  async function read(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const caller = apiCaller(ctx, req);
    const segments = segmentsOf(url);
    const last = segments.at(-1);
    let target: ApiTarget | undefined;
    // `x.json` is the JSON of `x`, unless only an asset named `x.json` exists.
    if (last?.endsWith('.json')) {
      const bare = resolveTarget(ctx, [...segments.slice(0, -1), last.slice(0, -'.json'.length)], caller);
      if (bare.asset || bare.folder) target = bare;
    }
    target ??= resolveTarget(ctx, segments, caller);
    if (target.child?.kind === 'renditions' && target.child.name !== undefined) return sendRendition(req, res, url, target.asset!, target.child.name);
    if (target.child?.kind === 'comments') {
      const entity = assetEntity(originOf(req), target.asset!, { comments: ctx.repository.comments(target.asset!.id) });
      return sendJson(req, res, { class: ['assets/comments'], properties: { 'repo:assetId': target.asset!.id }, entities: entity.entities, links: entity.links?.filter((l) => l.rel[0] === 'self') }, { cacheControl: 'private, no-cache' });
    }
    if (target.child) return sendAsset(req, res, target.asset!);
    if (target.asset) return sendAsset(req, res, target.asset);
    if (target.folder) return sendFolder(req, res, url, target.folder, caller);
    throw notFound(`path: nothing is at ${target.path}`, 'path');
  }

  function sendAsset(req: IncomingMessage, res: ServerResponse, asset: AssetRecord): void {
    const entity = assetEntity(originOf(req), asset, { renditions: ctx.repository.renditions(asset.id), comments: ctx.repository.comments(asset.id) });
    sendJson(req, res, entity, { etag: quote(asset.etag), cacheControl: 'private, no-cache' });
  }

  function sendFolder(req: IncomingMessage, res: ServerResponse, url: URL, folder: FolderRow, caller: Caller): void {
    const offset = integerParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParam(url, 'limit', LIST_DEFAULT, 1, LIST_MAX);
    const origin = originOf(req);
    const { folders, assets } = ctx.repository.children(folder.path);
    const visible = assets.filter((a) => canSee(a, caller));
    const children: SirenEntity[] = [
      ...folders.map((f) => folderEntity(origin, f, true)),
      ...visible.map((a) => assetEntity(origin, a, { child: true })),
    ];
    const page = children.slice(offset, offset + limit);
    const self = url.pathname.endsWith('.json') ? url.pathname : `${url.pathname.replace(/\/$/, '')}.json`;
    const body = folderListing(origin, folder, page, { offset, limit, total: children.length }, (at) => `${self}?offset=${at}&limit=${limit}`);
    sendJson(req, res, body, { etag: quote(sha1(JSON.stringify(body)).slice(0, 24)), cacheControl: 'private, no-cache' });
  }

  async function sendRendition(req: IncomingMessage, res: ServerResponse, url: URL, asset: AssetRecord, name: string): Promise<void> {
    const found = renditionNames(asset, ctx.repository.renditions(asset.id)).find((r) => r.name === name);
    if (!found) throw notFound(`renditionName: ${asset.name} has no rendition "${name}"`, 'renditionName');
    const attachment = url.searchParams.get('attachment') === 'true';
    const headers = { 'Content-Disposition': contentDisposition(attachment, name === 'original' ? asset.name : name) };
    if (found.stored) {
      const body = await ctx.repository.readRendition(found.stored);
      return send(req, res, 200, { body, contentType: found.stored.mime_type, etag: quote(found.stored.binary.slice(0, 32)), cacheControl: 'private, no-cache', headers });
    }
    if (name === 'original') {
      const body = await ctx.repository.readBinary(asset);
      return send(req, res, 200, { body, contentType: asset.mimeType, etag: quote(asset.binaryHash.slice(0, 32)), cacheControl: 'private, no-cache', headers });
    }
    const rendition = STATIC_RENDITIONS.find((r) => r.name === name)!;
    const size = renditionSize(rendition, asset.width, asset.height);
    const modifiers = parseModifiers(new URLSearchParams({ width: String(size.width), height: String(size.height), fit: 'constrain', 'auto-format': 'false' }));
    const image = await ctx.transforms.run(sha1(asset.etag, 'api-rendition', name), async () =>
      renderImage({ source: await ctx.repository.readBinary(asset), modifiers, format: rendition.format }),
    );
    send(req, res, 200, { body: image.data, contentType: image.contentType, etag: quote(sha1(asset.etag, name).slice(0, 32)), cacheControl: 'private, no-cache', headers });
  }
}

function integerParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw badRequest(name, `must be an integer from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  return value;
}
