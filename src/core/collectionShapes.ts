import { ShapeError } from './responseShapes.ts';

/** A collection as the list and the selector show it. */
export interface CollectionSummary {
  id: string;
  /** The id when the repository gave it no title. */
  title: string;
  description?: string;
}

/** One page of `GET /collections`. */
export interface CollectionPage {
  items: CollectionSummary[];
  cursor?: string;
}

/** One page of `GET /collections/{id}/items`: the ids of its assets (member collections are left out). */
export interface MemberPage {
  assetIds: string[];
  cursor?: string;
}

/** `GET /collections/jobs/{jobId}/status`: `status` is 202 while the write runs, then its HTTP status. */
export interface CollectionJob {
  status: number;
  data: Record<string, unknown>;
  /** The first error's detail, when the write failed. */
  error?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw new ShapeError(where, 'an object');
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(where, 'an array');
  return value;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The next page's cursor, when there is one (absent, null or empty: the last page). */
function cursorOf(json: Json, where: string): { cursor?: string } {
  if (!json.cursor) return {};
  if (typeof json.cursor !== 'string') throw new ShapeError(`${where}.cursor`, 'a string');
  return { cursor: json.cursor };
}

/** A collection: `{ id, collectionMetadata: { title, description } }` (the create answer, one collection, a list entry). */
export function collectionSummary(value: unknown, where = 'collection'): CollectionSummary {
  const json = object(value, where);
  const id = text(json.id);
  if (!id) throw new ShapeError(`${where}.id`, 'a non-empty string');
  const meta = isObject(json.collectionMetadata) ? json.collectionMetadata : {};
  const description = text(meta.description);
  return { id, title: text(meta.title) ?? id, ...(description ? { description } : {}) };
}

export function collectionPage(value: unknown): CollectionPage {
  const json = object(value, 'collections');
  return { items: list(json.items, 'collections.items').map((item, i) => collectionSummary(item, `collections.items[${i}]`)), ...cursorOf(json, 'collections') };
}

export function memberPage(value: unknown): MemberPage {
  const json = object(value, 'items');
  const assetIds = list(json.items, 'items.items').flatMap((item, i) => {
    const member = object(item, `items.items[${i}]`);
    const id = text(member.id);
    if (!id) throw new ShapeError(`items.items[${i}].id`, 'a non-empty string');
    return member.type === 'asset' ? [id] : [];
  });
  return { assetIds, ...cursorOf(json, 'items') };
}

export function collectionJob(value: unknown): CollectionJob {
  const json = object(value, 'job');
  if (typeof json.status !== 'number') throw new ShapeError('job.status', 'an HTTP status number');
  const error = Array.isArray(json.errors) && isObject(json.errors[0]) ? text(json.errors[0].detail) : undefined;
  return { status: json.status, data: isObject(json.data) ? json.data : {}, ...(error ? { error } : {}) };
}
