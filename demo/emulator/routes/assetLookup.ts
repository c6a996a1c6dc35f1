import type { IncomingMessage } from 'node:http';
import { identifyCaller, type Caller } from '../auth/caller.ts';
import { isAssetId } from '../catalog/assetId.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { EmulatorContext } from '../emulatorContext.ts';

const SEO_NAME = /^[%.\w-]+$/;

/**
 * The asset behind an id, if this caller may see it now. Hidden assets (unapproved, restricted,
 * outside their on/off time) get the same 404 as ids that never existed, as on a real repository.
 */
export function findVisibleAsset(ctx: EmulatorContext, req: IncomingMessage, id: string): { asset: AssetRecord; caller: Caller } {
  if (!isAssetId(id)) throw badRequest('assetId', `"${id}" is not an asset id; expected urn:aaid:aem:<uuid>`);
  const caller = identifyCaller(req, false);
  const asset = ctx.catalog.byId.get(id);
  if (!asset || !isVisible(asset, caller)) throw notFound(`assetId: no asset ${id} is available`, 'assetId');
  return { asset, caller };
}

export function checkSeoName(seoName: string, parameter = 'seoName'): void {
  if (!SEO_NAME.test(seoName)) throw badRequest(parameter, `"${seoName}" may only contain letters, digits, "_", "-", "." and percent-escapes`);
}

/** Restricted assets must not land in shared caches. */
export function cacheControlFor(asset: AssetRecord): string {
  return asset.restrictedTo.length > 0 ? 'private, max-age=600' : 'public, max-age=600';
}

export const quote = (tag: string) => `"${tag}"`;
