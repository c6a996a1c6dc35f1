import type { AssetRecord } from '../catalog/assetRecord.ts';

type MetadataGroup = 'repositoryMetadata' | 'assetMetadata';

/** A field path with the optional `metadata.` prefix removed: `assetMetadata.dc:title`. */
export interface FieldPath {
  group: MetadataGroup;
  key: string;
  /** The canonical spelling, used in cache keys and facet responses. */
  path: string;
}

/**
 * Both spellings in use (`metadata.repositoryMetadata.repo:name` and `repositoryMetadata.repo:name`)
 * resolve to the same field. Returns undefined when the path is in neither metadata group.
 */
export function parseFieldPath(raw: string): FieldPath | undefined {
  const path = raw.startsWith('metadata.') ? raw.slice('metadata.'.length) : raw;
  const dot = path.indexOf('.');
  if (dot <= 0 || dot === path.length - 1) return undefined;
  const group = path.slice(0, dot);
  if (group !== 'repositoryMetadata' && group !== 'assetMetadata') return undefined;
  return { group, key: path.slice(dot + 1), path };
}

export type FieldValue = string | number | boolean;

/**
 * The asset's id as a field, under the name AEM gives it in repository metadata. Records keep the
 * id beside their metadata, so this field is derived; it lets a `term` name assets by id, which is
 * how the selector scopes a search to a collection's members.
 */
export const ASSET_ID_FIELD = 'repositoryMetadata.repo:assetId';

/**
 * The field's values as a flat list of primitives. Arrays contribute each element, and keyword
 * objects (`{ "value": "beach", "@lang": "en" }`) contribute their value.
 */
export function fieldValues(asset: AssetRecord, field: FieldPath): FieldValue[] {
  if (field.path === ASSET_ID_FIELD) return [asset.id];
  const value = asset[field.group][field.key];
  const out: FieldValue[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object' && 'value' in v) add((v as { value: unknown }).value);
  };
  add(value);
  return out;
}
