import type { Caller } from '../auth/caller.ts';
import { isAssetId } from '../catalog/assetId.ts';
import { isVisible } from '../catalog/isVisible.ts';
import type { Repository } from '../repository/repository.ts';
import type { ArchiveItem } from './archiveRequest.ts';

/** One file going into an archive: where its bytes are, and its name inside the zip. */
export interface PlannedEntry {
  /** The asset it comes from, checked again when its bytes are read. */
  assetId: string;
  name: string;
  path: string;
  size: number;
  /** Deflate only what is not compressed already (JPEG, PNG, video… are stored as they are). */
  compress: boolean;
  mtime: Date;
}

export interface ArchiveWarning {
  assetId: string;
  detail: string;
}

const PRECOMPRESSED = /^(image\/(jpeg|png|gif|webp|avif|heic)|video\/|audio\/|application\/(zip|gzip|pdf))/;

/** A name safe as a zip entry: no folders, no `..`, no control characters. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^\.+/, '_').slice(0, 200);
  return cleaned || 'unnamed';
}

/**
 * What an archive request resolves to for this caller: for each asset the caller may see, its
 * original (unless excluded) and its stored renditions (the custom renditions; `include` and
 * `exclude` pick among them). An id that is malformed, unknown, hidden from the caller or named
 * twice becomes a warning with the same wording for "hidden" as for "unknown", so a warning never
 * confirms that a hidden asset exists. Names that repeat get ` (2)`, ` (3)`….
 */
export function planArchive(items: readonly ArchiveItem[], repository: Repository, caller: Caller, now = Date.now()): { entries: PlannedEntry[]; warnings: ArchiveWarning[]; bytes: number } {
  const entries: PlannedEntry[] = [];
  const warnings: ArchiveWarning[] = [];
  const seenAssets = new Set<string>();
  const usedNames = new Set<string>();
  const place = (wanted: string) => {
    let name = wanted;
    const dot = wanted.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
    usedNames.add(name.toLowerCase());
    return name;
  };
  for (const item of items) {
    const asset = isAssetId(item.assetId) ? repository.byId.get(item.assetId) : undefined;
    if (!asset || !isVisible(asset, caller, now)) {
      warnings.push({ assetId: item.assetId.slice(0, 200), detail: 'no such asset is available; it was left out' });
      continue;
    }
    if (seenAssets.has(asset.id)) {
      warnings.push({ assetId: asset.id, detail: 'named more than once; included once' });
      continue;
    }
    seenAssets.add(asset.id);
    const stored = repository.renditions(asset.id);
    const available = new Map<string, PlannedEntry>();
    available.set('original', { assetId: asset.id, name: safeName(asset.name), path: asset.file, size: asset.size, compress: !PRECOMPRESSED.test(asset.mimeType), mtime: new Date(String(asset.repositoryMetadata['repo:modifyDate'] ?? now)) });
    for (const row of stored) {
      available.set(row.name, {
        assetId: asset.id,
        name: `renditions/${safeName(asset.name)}/${safeName(row.name)}`,
        path: repository.store.binaries.pathOf(row.binary),
        size: row.size,
        compress: !PRECOMPRESSED.test(row.mime_type),
        mtime: new Date(row.created),
      });
    }
    for (const name of [...item.include, ...item.exclude]) {
      if (!available.has(name)) warnings.push({ assetId: asset.id, detail: `no rendition "${name.slice(0, 100)}"; ${available.size - 1} custom renditions and "original" are available` });
    }
    // By default the original and every custom rendition; `include` adds back what `exclude` removed.
    const chosen = [...available.keys()].filter((name) => !item.exclude.includes(name) || item.include.includes(name));
    if (chosen.length === 0) warnings.push({ assetId: asset.id, detail: 'every rendition was excluded; nothing of it is in the archive' });
    for (const name of chosen) {
      const entry = available.get(name)!;
      entries.push({ ...entry, name: place(entry.name) });
    }
  }
  return { entries, warnings, bytes: entries.reduce((sum, e) => sum + e.size, 0) };
}

/** Splits entries into files of at most `maxBytes` each (an entry larger than that gets a file of its own). */
export function splitEntries(entries: readonly PlannedEntry[], maxBytes: number): PlannedEntry[][] {
  const parts: PlannedEntry[][] = [];
  let current: PlannedEntry[] = [];
  let size = 0;
  for (const entry of entries) {
    if (current.length > 0 && size + entry.size > maxBytes) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += entry.size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
