import type { AssetRecord } from './assetRecord.ts';

/**
 * `assetMetadata` as search hits and `GET /{id}/metadata` serve it. A restricted asset also names
 * the roles that may see it in `dam:roles`, the way AEM marks restricted delivery, so a client
 * knows its delivery URLs need the caller's token. Only callers who can see the asset ever get
 * it (hidden assets are a 404), so it tells nobody anything about assets they cannot see.
 */
export function servedAssetMetadata(asset: AssetRecord): Record<string, unknown> {
  return asset.restrictedTo.length === 0 ? asset.assetMetadata : { ...asset.assetMetadata, 'dam:roles': [...asset.restrictedTo] };
}
