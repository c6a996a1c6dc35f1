import type { AssetRecord } from './assetRecord.ts';

/** A read-only collection of assets, as the catalog sidecar defines it. */
export interface CollectionRecord {
  id: string;
  title: string;
  description: string;
  createDate: string;
  modifyDate: string;
  /** Asset ids in order; hidden ones are filtered per caller when served. */
  items: string[];
  etag: string;
}

/** Everything the server reads: the assets, the collections and a way to read binaries. */
export interface Catalog {
  assets: AssetRecord[];
  byId: Map<string, AssetRecord>;
  collections: CollectionRecord[];
  readBinary(asset: AssetRecord): Promise<Buffer>;
}

export function createCatalog(
  assets: AssetRecord[],
  collections: CollectionRecord[],
  readBinary: (asset: AssetRecord) => Promise<Buffer>,
): Catalog {
  return { assets, byId: new Map(assets.map((a) => [a.id, a])), collections, readBinary };
}
