import type { IncomingMessage } from 'node:http';
import { isSeoName } from '../../../src/core/deliveryUrl.ts';
import { identifyCaller, type Caller, type Security } from '../auth/caller.ts';
import { isAssetId } from '../catalog/assetId.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { EmulatorContext } from '../emulatorContext.ts';

/** The caller, checked against what the endpoint asks (only under `--require-auth`; see {@link Security}). */
export function authorize(ctx: EmulatorContext, req: IncomingMessage, security: Security): Caller {
  return identifyCaller(req, ctx.requireAuth ? security : 'optional');
}

/**
 * The asset behind an id, if this caller may see it now. Hidden assets (unapproved, restricted,
 * outside their on/off time) get the same 404 as ids that never existed, as on a real repository:
 * a 403 would confirm that the id exists. Credentials are checked first, so a refused caller
 * learns nothing about the id either.
 */
export function findVisibleAsset(ctx: EmulatorContext, req: IncomingMessage, id: string, security: Security = 'optional'): { asset: AssetRecord; caller: Caller } {
  const caller = authorize(ctx, req, security);
  if (!isAssetId(id)) throw badRequest('assetId', `"${id}" is not an asset id; expected urn:aaid:aem:<uuid>`);
  const asset = ctx.catalog.byId.get(id);
  if (!asset || !isVisible(asset, caller)) throw notFound(`assetId: no asset ${id} is available`, 'assetId');
  return { asset, caller };
}

/** A 400 unless the path segment, as sent, is a SEO name by the selector's own rule ({@link isSeoName}). */
export function checkSeoName(segment: string, parameter = 'seoName'): void {
  if (!isSeoName(segment)) {
    throw badRequest(parameter, `"${segment}" may only hold letters and digits of any script (percent-encoded), "_", "-" and "."`);
  }
}

/** Restricted assets must not land in shared caches. */
export function cacheControlFor(asset: AssetRecord): string {
  return asset.restrictedTo.length > 0 ? 'private, max-age=600' : 'public, max-age=600';
}

export const quote = (tag: string) => `"${tag}"`;
