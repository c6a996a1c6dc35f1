import { badRequest, ProblemError } from '../http/problem.ts';

/** One asset of an archive request, with the renditions it must include or leave out. */
export interface ArchiveItem {
  /** As sent; an id that is malformed, unknown or hidden becomes a warning, not a failure. */
  assetId: string;
  include: string[];
  exclude: string[];
}

export interface ArchiveRequest {
  items: ArchiveItem[];
  format: 'zip';
  namePrefix: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function names(value: unknown, parameter: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 50 || value.some((n) => typeof n !== 'string' || n === '' || n.length > 200)) {
    throw badRequest(parameter, 'must be an array of at most 50 rendition names (non-empty strings; "original" is the original)');
  }
  return value as string[];
}

/** The spec treats `namePrefix` as a suggestion: kept to letters, digits, `.`, `_` and `-`, at most 64 characters. */
export function fileNamePrefix(raw: string | undefined): string {
  const cleaned = (raw ?? '').normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, 64);
  return cleaned || 'assets';
}

/**
 * The body of `POST /archives`: `items` (non-empty; each `{ "assetId", "renditions": { "include",
 * "exclude" } }`, `id` accepted for `assetId`), `format` (only "zip") and `namePrefix`. The shape
 * is checked strictly (a 400 naming the field); whether the assets exist is not (those become
 * warnings in the status, as the spec says).
 */
export function parseArchiveRequest(body: unknown, maxItems: number): ArchiveRequest {
  if (!isObject(body)) throw badRequest('body', 'must be a JSON object { "items", "format", "namePrefix" }');
  if (body.format !== undefined && body.format !== 'zip') throw badRequest('format', `only "zip" is supported, got ${JSON.stringify(body.format)?.slice(0, 40)}`);
  if (body.namePrefix !== undefined && typeof body.namePrefix !== 'string') throw badRequest('namePrefix', 'must be a string');
  if (!Array.isArray(body.items) || body.items.length === 0) throw badRequest('items', 'must be a non-empty array of { "assetId" }');
  if (body.items.length > maxItems) throw new ProblemError(400, `items: at most ${maxItems} assets per archive, got ${body.items.length}`, 'items');
  const items = body.items.map((item: unknown, i: number): ArchiveItem => {
    if (!isObject(item)) throw badRequest(`items[${i}]`, 'must be an object { "assetId", "renditions" }');
    const assetId = item.assetId ?? item.id;
    if (typeof assetId !== 'string' || assetId === '' || assetId.length > 200) throw badRequest(`items[${i}].assetId`, 'must be a non-empty string');
    const renditions = item.renditions ?? {};
    if (!isObject(renditions)) throw badRequest(`items[${i}].renditions`, 'must be an object { "include", "exclude" }');
    return { assetId, include: names(renditions.include, `items[${i}].renditions.include`), exclude: names(renditions.exclude, `items[${i}].renditions.exclude`) };
  });
  return { items, format: 'zip', namePrefix: fileNamePrefix(body.namePrefix as string | undefined) };
}
