import type { EmulatorContext } from '../emulatorContext.ts';
import { sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { IMAGE_PRESETS } from '../delivery/imagePresets.ts';
import { authorize, cacheControlFor, findVisibleAsset, quote } from './assetLookup.ts';
import { paginate } from './paginate.ts';
import { sha1 } from '../catalog/assetId.ts';
import { servedAssetMetadata } from '../catalog/servedAssetMetadata.ts';

const ID = '(urn:aaid:aem:[^/]+|[^/]+)';
const PRESETS_ETAG = quote(sha1(JSON.stringify(IMAGE_PRESETS)).slice(0, 20));

/**
 * Metadata, smart crops and image presets: the JSON reads the selector makes besides search.
 * Under `--require-auth`, metadata is "None or Bearer" in dm-openapi.txt; smart crops and
 * presets are "Bearer".
 */
export function metadataRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', new RegExp(`^/adobe/assets/${ID}/metadata$`), ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    sendJson(
      req,
      res,
      { assetId: asset.id, repositoryMetadata: asset.repositoryMetadata, assetMetadata: servedAssetMetadata(asset) },
      { etag: quote(asset.etag), cacheControl: cacheControlFor(asset) },
    );
  });

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/smartCrops$`), async ({ req, res, url, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!, 'bearer');
    const crops = await ctx.smartCrops.list(asset);
    const page = paginate(crops, url);
    sendJson(
      req,
      res,
      { assetId: asset.id, 'repo:name': asset.name, ...page },
      { etag: quote(sha1(asset.etag, JSON.stringify(page)).slice(0, 20)), cacheControl: cacheControlFor(asset) },
    );
  });

  router.add('GET', /^\/adobe\/assets\/imagePresets$/, ({ req, res, url }) => {
    authorize(ctx, req, 'bearer');
    sendJson(req, res, paginate(IMAGE_PRESETS, url), { etag: PRESETS_ETAG, cacheControl: 'public, max-age=600' });
  });
}
