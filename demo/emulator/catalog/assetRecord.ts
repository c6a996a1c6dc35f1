/** One asset of the emulated repository, as the catalog loader produces it. */
export interface AssetRecord {
  /** `urn:aaid:aem:<uuid>`, stable across restarts. */
  id: string;
  /** `repo:name`: the file name. */
  name: string;
  /** Absolute path of the binary on disk (several synthetic assets may share one). */
  file: string;
  /** sha1 of the binary's bytes: the key of everything derived from pixels (smart crops, …). */
  binaryHash: string;
  mimeType: string;
  /** Bytes of the original binary. */
  size: number;
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Approval and visibility. Only `approved` assets are ever searchable or deliverable. */
  status: 'approved' | 'rejected' | 'draft';
  /** Roles a caller needs (any of them) to see the asset; empty for public assets. */
  restrictedTo: string[];
  /** ISO instants outside which the asset is hidden (404), as a real repository does. */
  onTime?: string;
  offTime?: string;
  /** Strong validator of the asset's current state (binary + metadata). */
  etag: string;
  /** Exactly what the search and metadata endpoints return. */
  repositoryMetadata: Record<string, unknown>;
  assetMetadata: Record<string, unknown>;
}

export function isImage(asset: AssetRecord): boolean {
  return asset.mimeType.startsWith('image/');
}
