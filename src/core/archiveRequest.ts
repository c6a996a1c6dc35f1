/** The body of `POST /adobe/assets/archives` (dm-openapi.txt, "Archive Creation API"). */
export interface ArchiveRequestBody {
  items: Array<{ assetId: string }>;
  format: 'zip';
  namePrefix?: string;
}

/** At most this many assets in one archive: the emulator's cap, and a sane one for a browser download. */
export const MAX_ARCHIVE_ITEMS = 500;

/**
 * `/adobe/assets/archives`, where archives are requested, on `repository` (a base URL as the
 * `repository` option gives it; checked there). Built here rather than with core/deliveryUrl.ts,
 * so the archive code, loaded on first use, shares no module with the selector's first chunk.
 */
export function archivesUrl(repository: string): string {
  return `${repository.replace(/\/+$/, '')}/adobe/assets/archives`;
}

/** `/adobe/assets/archives/{id}/status`: where an archive's progress is read when no `Location` names it. */
export function archiveStatusUrl(repository: string, archiveId: string): string {
  if (!/^[\w.-]{1,200}$/.test(archiveId)) throw new TypeError(`archiveStatusUrl: archiveId must be an archive id, got ${JSON.stringify(archiveId).slice(0, 80)}`);
  return `${archivesUrl(repository)}/${archiveId}/status`;
}

/**
 * The archive request for `assetIds`, in their order, each once, with each asset's default content
 * (its original and custom renditions, as the spec says). `namePrefix` is a suggestion to the server.
 */
export function archiveRequestFor(assetIds: readonly string[], namePrefix?: string): ArchiveRequestBody {
  const ids = [...new Set(assetIds)];
  if (ids.length === 0) throw new TypeError('archiveRequestFor: assetIds must name at least one asset');
  if (ids.length > MAX_ARCHIVE_ITEMS) throw new TypeError(`archiveRequestFor: at most ${MAX_ARCHIVE_ITEMS} assets per archive, got ${ids.length}`);
  for (const id of ids) if (typeof id !== 'string' || id.trim() === '') throw new TypeError(`archiveRequestFor: asset ids must be non-empty strings, got ${JSON.stringify(id)}`);
  return { items: ids.map((assetId) => ({ assetId })), format: 'zip', ...(namePrefix ? { namePrefix } : {}) };
}
