import type {
  AssetHit,
  AssetMetadataResponse,
  FacetResult,
  ImagePreset,
  ImagePresetsResponse,
  ProblemDetails,
  Rendition,
  RenditionsResponse,
  SearchResponse,
  SmartCrop,
  SmartCropsResponse,
} from './types.ts';

/**
 * Shape checks for what the repository answers. Each returns a fresh, typed copy or throws a
 * {@link ShapeError} naming the first thing that is wrong; the client turns that into an
 * `invalid-response` SelectorError, so a proxy's HTML page or a changed API never crashes the UI.
 * They are lenient where the spec is (missing optional fields are filled or left out) and strict
 * where the UI depends on a value (ids, names, lists).
 */
export class ShapeError extends Error {
  constructor(where: string, expected: string) {
    super(`${where}: expected ${expected}`);
    this.name = 'ShapeError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw new ShapeError(where, 'an object');
  return value;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(where, 'an array');
  return value;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new ShapeError(where, 'a non-empty string');
  return value;
}

/** An optional metadata object: absent is `{}`, anything else but an object is wrong. */
function metadata(value: unknown, where: string): Json {
  return value === undefined || value === null ? {} : object(value, where);
}

/** A `cursor` for the next page: a non-empty string, or absent (null and '' mean "last page"). */
function cursor(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return string(value, where);
}

function hit(value: unknown, where: string): AssetHit {
  const o = object(value, where);
  return {
    assetId: string(o.assetId, `${where}.assetId`),
    repositoryMetadata: metadata(o.repositoryMetadata, `${where}.repositoryMetadata`),
    assetMetadata: metadata(o.assetMetadata, `${where}.assetMetadata`),
  };
}

function facet(value: unknown, where: string): FacetResult {
  const o = object(value, where);
  const values = array(o.values ?? o.buckets ?? [], `${where}.values`).flatMap((v) => {
    // A value that is not a scalar with a count is skipped rather than failing the whole search.
    if (!isObject(v) || !finite(v.count)) return [];
    const raw = v.value;
    return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? [{ value: raw, count: v.count }] : [];
  });
  return { id: string(o.id, `${where}.id`), type: typeof o.type === 'string' ? o.type : 'CATEGORY', values };
}

/** `POST /adobe/assets/search`. A missing `search_metadata` is derived from the page. */
export function searchResponse(value: unknown): SearchResponse {
  const o = object(value, 'response');
  const hits = object(o.hits, 'response.hits');
  const results = array(hits.results, 'response.hits.results').map((r, i) => hit(r, `response.hits.results[${i}]`));
  const next = cursor(o.cursor, 'response.cursor');
  const meta = o.search_metadata === undefined ? {} : object(o.search_metadata, 'response.search_metadata');
  const count = finite(meta.count) ? meta.count : results.length;
  let totalCount: SearchResponse['search_metadata']['totalCount'];
  if (meta.totalCount === undefined) {
    // Without a total, all that is known is a lower bound (exact on the last page).
    totalCount = { total: results.length, relation: next ? 'gte' : 'eq' };
  } else {
    const t = object(meta.totalCount, 'response.search_metadata.totalCount');
    if (!finite(t.total) || t.total < 0) throw new ShapeError('response.search_metadata.totalCount.total', 'a number');
    totalCount = { total: t.total, relation: t.relation === 'gte' ? 'gte' : 'eq' };
  }
  const response: SearchResponse = { hits: { results }, search_metadata: { count, totalCount } };
  if (next) response.cursor = next;
  if (o.facets !== undefined && o.facets !== null) response.facets = array(o.facets, 'response.facets').map((f, i) => facet(f, `response.facets[${i}]`));
  return response;
}

/** `GET /adobe/assets/{id}/metadata` */
export function metadataResponse(value: unknown): AssetMetadataResponse {
  return hit(value, 'response');
}

function smartCrop(value: unknown, where: string): SmartCrop {
  const o = object(value, where);
  const crop: SmartCrop = { name: string(o.name, `${where}.name`) };
  if (finite(o.width)) crop.width = o.width;
  if (finite(o.height)) crop.height = o.height;
  // The box is used to draw the crop; keep it only when it is complete and within the image.
  if (isObject(o.crop)) {
    const { x, y, width, height } = o.crop;
    const fraction = (n: unknown): n is number => finite(n) && n >= 0 && n <= 1;
    if (fraction(x) && fraction(y) && fraction(width) && fraction(height)) crop.crop = { x, y, width, height };
  }
  return crop;
}

/** `GET /adobe/assets/{id}/smartCrops` */
export function smartCropsResponse(value: unknown): SmartCropsResponse {
  const o = object(value, 'response');
  const response: SmartCropsResponse = {
    assetId: typeof o.assetId === 'string' ? o.assetId : '',
    items: array(o.items, 'response.items').map((item, i) => smartCrop(item, `response.items[${i}]`)),
  };
  if (typeof o['repo:name'] === 'string') response['repo:name'] = o['repo:name'];
  const next = cursor(o.cursor, 'response.cursor');
  if (next) response.cursor = next;
  return response;
}

function imagePreset(value: unknown, where: string): ImagePreset {
  const o = object(value, where);
  const preset: ImagePreset = { name: string(o.name, `${where}.name`) };
  if (typeof o.description === 'string') preset.description = o.description;
  if (isObject(o.modifiers)) {
    preset.modifiers = Object.fromEntries(
      Object.entries(o.modifiers).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [[k, String(v)]] : [])),
    );
  }
  return preset;
}

/** `GET /adobe/assets/imagePresets` */
export function imagePresetsResponse(value: unknown): ImagePresetsResponse {
  const o = object(value, 'response');
  const response: ImagePresetsResponse = { items: array(o.items, 'response.items').map((item, i) => imagePreset(item, `response.items[${i}]`)) };
  const next = cursor(o.cursor, 'response.cursor');
  if (next) response.cursor = next;
  return response;
}

function rendition(value: unknown, where: string): Rendition {
  const o = object(value, where);
  const r: Rendition = { name: string(o.name, `${where}.name`) };
  if (typeof o.format === 'string') r.format = o.format;
  for (const key of ['size', 'width', 'height'] as const) {
    const n = o[key];
    if (finite(n)) r[key] = n;
  }
  return r;
}

/** `GET /adobe/assets/{id}/renditions` */
export function renditionsResponse(value: unknown): RenditionsResponse {
  const o = object(value, 'response');
  const response: RenditionsResponse = {
    assetId: typeof o.assetId === 'string' ? o.assetId : '',
    items: array(o.items, 'response.items').map((item, i) => rendition(item, `response.items[${i}]`)),
  };
  if (typeof o['repo:name'] === 'string') response['repo:name'] = o['repo:name'];
  return response;
}

/** RFC 9457 problem details, keeping only the members of the right type; undefined if it is not one. */
export function problemDetails(value: unknown): ProblemDetails | undefined {
  if (!isObject(value)) return undefined;
  const problem: ProblemDetails = {};
  for (const key of ['type', 'title', 'detail', 'parameter'] as const) {
    const v = value[key];
    if (typeof v === 'string') problem[key] = v;
  }
  if (finite(value.status)) problem.status = value.status;
  return Object.keys(problem).length > 0 ? problem : undefined;
}
