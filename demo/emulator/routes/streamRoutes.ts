import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { send } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { isVideo } from '../media/mediaService.ts';
import { cacheControlFor, findVisibleAsset } from './assetLookup.ts';

const ID = '([^/]+)';
/** The packaging's own files, beside the manifests: HLS media playlists and fMP4 segments. */
const STREAM_FILE = '(media_\\d{1,3}\\.m3u8|init-\\d{1,3}\\.m4s|chunk-\\d{1,3}-\\d{5,9}\\.m4s)';

/**
 * `GET /{id}/manifest.{m3u8|mpd}` (the spec's videoManifestDelivery) and the files the manifests
 * name, relative to them, so under the same `/adobe/assets/{id}/`. Every one looks the asset up
 * for the caller first: a hidden video's segments are as absent as its manifest.
 */
export function streamRoutes(router: Router, ctx: EmulatorContext): void {
  function checkVideo(asset: AssetRecord): AssetRecord {
    // The spec: "If the asset is not a video asset, client gets a 404 response."
    if (!isVideo(asset)) throw notFound(`assetId: ${asset.name} is not a video (${asset.mimeType}); only videos have playback manifests`, 'assetId');
    return asset;
  }

  async function sendStreamFile(req: IncomingMessage, res: ServerResponse, asset: AssetRecord, name: string): Promise<void> {
    const found = await ctx.media.readStreamFile(asset, name);
    if (!found) throw notFound(`path: the stream of ${asset.name} has no ${name}`, 'path');
    send(req, res, 200, { body: found.data, contentType: found.file.contentType, etag: found.file.etag, cacheControl: cacheControlFor(asset) });
  }

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/manifest\\.([^/]+)$`), async ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    const format = params[1]!;
    if (format !== 'm3u8' && format !== 'mpd') throw badRequest('format', `"${format}" is not a manifest format; expected m3u8 or mpd`);
    await sendStreamFile(req, res, checkVideo(asset), `manifest.${format}`);
  });

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/${STREAM_FILE}$`), async ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    await sendStreamFile(req, res, checkVideo(asset), params[1]!);
  });
}
