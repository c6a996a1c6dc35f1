import { KIND_MIME_TYPES } from './filtersToQuery.ts';
import type { AssetHit, AssetKind, AssetSummary } from './types.ts';

const DOCUMENT_TYPES = new Set(KIND_MIME_TYPES.document);

/** The kind of asset a MIME type is, which decides how it is delivered (DESIGN.md, SelectedAsset.url). */
export function kindOf(mimeType: string): AssetKind {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (DOCUMENT_TYPES.has(type) || type.startsWith('text/')) return 'document';
  return 'other';
}

/**
 * A search hit made convenient for display and selection. Repositories disagree on value
 * shapes (a title as a string or a language alternative, keywords as strings or
 * `{ value, @lang }` objects, dimensions as numbers or numeric strings), so every field is read
 * defensively and a missing one is left out rather than guessed.
 */
export function normalizeAsset(hit: AssetHit): AssetSummary {
  const repo = hit.repositoryMetadata ?? {};
  const meta = hit.assetMetadata ?? {};
  const name = textOf(repo['repo:name']) ?? '';
  const mimeType = textOf(repo['dc:format']) ?? textOf(meta['dc:format']) ?? '';
  const summary: AssetSummary = {
    assetId: hit.assetId,
    name,
    title: textOf(meta['dc:title']) ?? (name || hit.assetId),
    mimeType,
    kind: kindOf(mimeType),
    keywords: keywordsOf(meta),
    repositoryMetadata: repo,
    assetMetadata: meta,
  };
  const optional = {
    width: positiveNumber(meta['tiff:ImageWidth']),
    height: positiveNumber(meta['tiff:ImageLength']),
    size: positiveNumber(repo['repo:size']),
    createDate: textOf(repo['repo:createDate']),
    modifyDate: textOf(repo['repo:modifyDate']),
    description: textOf(meta['dc:description']),
  };
  // What is missing is left out, not set to undefined.
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (summary as unknown as Record<string, unknown>)[key] = value;
  return summary;
}

/** Keywords from `xcm:keywords` and `dc:subject`, in that order, without duplicates. */
function keywordsOf(meta: Record<string, unknown>): string[] {
  const out = new Set<string>();
  for (const field of ['xcm:keywords', 'dc:subject']) {
    const value = meta[field];
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = textOf(item);
      if (text !== undefined) out.add(text);
    }
  }
  return [...out];
}

/** The first non-blank string in a string, a `{ value }` object or an array of those. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && 'value' in value) return textOf((value as { value: unknown }).value);
  return undefined;
}

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
