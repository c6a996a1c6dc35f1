import type { FilterGroup, FilterValue } from './options.ts';
import { range, term } from './queryBuilder.ts';
import { dayEnd, dayStart } from './dateBounds.ts';
import type { AssetKind, FacetRequest, QueryNode } from './types.ts';

/**
 * The MIME types behind the "kind" filter. The query language has no prefix match on `term`,
 * so each kind is an explicit list of the types DM repositories hold.
 */
export const KIND_MIME_TYPES: Readonly<Record<Exclude<AssetKind, 'other'>, readonly string[]>> = {
  image: [
    'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/tiff', 'image/svg+xml', 'image/bmp',
    'image/heic', 'image/heif', 'image/vnd.adobe.photoshop', 'image/x-raw',
  ],
  video: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-msvideo', 'video/x-matroska', 'video/mpeg', 'video/ogg', 'video/3gpp'],
  document: [
    'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/rtf', 'text/plain', 'text/csv', 'application/postscript', 'application/x-indesign',
  ],
};

/** The filter panel a selector shows when the host gives no `filters` option. */
export const DEFAULT_FILTER_GROUPS: FilterGroup[] = [
  { id: 'kind', label: 'Type', type: 'kind' },
  { id: 'format', label: 'Format', type: 'values', field: 'repositoryMetadata.dc:format' },
  { id: 'keywords', label: 'Keywords', type: 'values', field: 'assetMetadata.xcm:keywords' },
  { id: 'created', label: 'Created', type: 'dateRange', field: 'repositoryMetadata.repo:createDate' },
  { id: 'size', label: 'File size', type: 'numberRange', field: 'repositoryMetadata.repo:size', unit: 'bytes' },
];

/** The most facets one search asks for (the emulator refuses more than 10). */
const MAX_FACETS = 10;
const DEFAULT_FACET_SIZE = 20;

/**
 * The query clauses for the filter panel's state: one clause per group that has a value (the
 * values of a group OR-ed), to be AND-ed by `foldQuery`. Groups without state, state of the
 * wrong shape and unparseable bounds are ignored rather than sent: a half-typed date must not
 * turn into a 400. A date range's `to` includes that whole day (UTC).
 */
export function filtersToQuery(groups: readonly FilterGroup[], state: Readonly<Record<string, FilterValue>>): QueryNode[] {
  const nodes: QueryNode[] = [];
  for (const group of groups) {
    const value = state[group.id];
    if (value === undefined) continue;
    const node = groupClause(group, value);
    if (node) nodes.push(node);
  }
  return nodes;
}

function groupClause(group: FilterGroup, value: FilterValue): QueryNode | undefined {
  switch (group.type) {
    case 'kind': {
      if (!Array.isArray(value)) return undefined;
      const types = value.flatMap((kind) => KIND_MIME_TYPES[kind as keyof typeof KIND_MIME_TYPES] ?? []);
      return types.length > 0 ? term('repositoryMetadata.dc:format', types) : undefined;
    }
    case 'values':
      return Array.isArray(value) && value.length > 0 ? term(group.field, [...new Set(value.flatMap(mimeFamily))]) : undefined;
    case 'dateRange': {
      if (Array.isArray(value) || !('from' in value || 'to' in value)) return undefined;
      const { from, to } = value as { from?: string; to?: string };
      const gte = from ? dayStart(from) : undefined;
      const lte = to ? dayEnd(to) : undefined;
      return gte || lte ? range(group.field, { gte, lte }) : undefined;
    }
    case 'numberRange': {
      if (Array.isArray(value) || !('min' in value || 'max' in value)) return undefined;
      const { min, max } = value as { min?: number; max?: number };
      const gte = typeof min === 'number' && Number.isFinite(min) ? min : undefined;
      const lte = typeof max === 'number' && Number.isFinite(max) ? max : undefined;
      return gte !== undefined || lte !== undefined ? range(group.field, { gte, lte }) : undefined;
    }
  }
}

/** `image/*` stands for the family's MIME types the kind filter knows (as in Adobe's filter schemas); any other value for itself. */
function mimeFamily(value: string): string[] {
  if (!value.endsWith('/*')) return [value];
  const prefix = value.slice(0, -1);
  const family = Object.values(KIND_MIME_TYPES).flatMap((types) => types.filter((type) => type.startsWith(prefix)));
  return family.length > 0 ? family : [value];
}

/**
 * The CATEGORY facets the panel needs: one per `values` group that lists no values of its own
 * (its checkboxes come from the facet), with the group's id as the facet id.
 */
export function facetRequestsFor(groups: readonly FilterGroup[]): FacetRequest[] {
  return groups
    .filter((g): g is Extract<FilterGroup, { type: 'values' }> => g.type === 'values' && !(g.values && g.values.length > 0))
    .slice(0, MAX_FACETS)
    .map((g) => ({ type: 'CATEGORY', id: g.id, field: g.field, size: g.size ?? DEFAULT_FACET_SIZE }));
}
