import { isAssetId } from '../catalog/assetId.ts';
import { badRequest } from '../http/problem.ts';

export const COLLECTION_ID = /^urn:cid:aem:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;

/** A member named in a request: `{ id, type }` as the spec's item objects carry them. */
export interface ItemRef {
  id: string;
  type: 'asset' | 'collection';
}

export interface ItemOperation extends ItemRef {
  op: 'add' | 'remove';
}

export interface CollectionFields {
  title?: string;
  description?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, parameter: string, max: number, required: boolean): string {
  if (typeof value !== 'string') throw badRequest(parameter, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (required && value.trim() === '') throw badRequest(parameter, 'must not be empty');
  if (value.length > max) throw badRequest(parameter, `must be at most ${max} characters, got ${value.length}`);
  return value;
}

/** `{ id, type }`, where the id's form must agree with its type. */
function itemRef(value: unknown, parameter: string): ItemRef {
  if (!isObject(value)) throw badRequest(parameter, 'must be an object { "id": …, "type": "asset" | "collection" }');
  if (value.type !== 'asset' && value.type !== 'collection') throw badRequest(`${parameter}.type`, `must be "asset" or "collection", got ${JSON.stringify(value.type)?.slice(0, 40)}`);
  if (typeof value.id !== 'string' || value.id === '') throw badRequest(`${parameter}.id`, 'must be a non-empty string');
  const fits = value.type === 'asset' ? isAssetId(value.id) : COLLECTION_ID.test(value.id);
  if (!fits) throw badRequest(`${parameter}.id`, `"${value.id.slice(0, 80)}" is not ${value.type === 'asset' ? 'an asset id (urn:aaid:aem:<uuid>)' : 'a collection id (urn:cid:aem:<uuid>)'}`);
  return { id: value.id, type: value.type };
}

function itemList(value: unknown, parameter: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw badRequest(parameter, 'must be an array');
  if (value.length > max) throw badRequest(parameter, `at most ${max} items per request, got ${value.length}`);
  return value;
}

/** The body of `POST /collections`: `title` (required), `description`, `items` (required, may be empty). */
export function parseCreate(body: unknown, maxItems: number): Required<CollectionFields> & { items: ItemRef[] } {
  if (!isObject(body)) throw badRequest('body', 'must be a JSON object { "title", "description", "items" }');
  const title = text(body.title ?? '', 'title', TITLE_MAX, true);
  const description = body.description === undefined ? '' : text(body.description, 'description', DESCRIPTION_MAX, false);
  if (body.items === undefined) throw badRequest('items', 'is required (an array of { "id", "type" }; it may be empty)');
  const items = itemList(body.items, 'items', maxItems).map((item, i) => itemRef(item, `items[${i}]`));
  return { title, description, items };
}

/**
 * The body of `POST /collections/{id}`. The spec declares `application/json-patch+json` but its
 * sample is a plain object of the new values (`{ "title": …, "description": … }`); both forms are
 * taken: that object, and an RFC 6902 array of `replace`/`add` (and `remove` for the description)
 * on `/title` and `/description`.
 */
export function parsePatch(body: unknown): CollectionFields {
  const fields: CollectionFields = {};
  if (Array.isArray(body)) {
    if (body.length === 0 || body.length > 10) throw badRequest('body', 'a JSON patch of 1 to 10 operations');
    body.forEach((operation, i) => {
      if (!isObject(operation)) throw badRequest(`[${i}]`, 'must be an object { "op", "path", "value" }');
      const path = operation.path;
      if (path !== '/title' && path !== '/description') throw badRequest(`[${i}].path`, `only "/title" and "/description" may change, got ${JSON.stringify(path)?.slice(0, 60)}`);
      const key = path.slice(1) as 'title' | 'description';
      if (operation.op === 'remove') {
        if (key === 'title') throw badRequest(`[${i}].op`, 'the title is required and cannot be removed');
        fields.description = '';
      } else if (operation.op === 'replace' || operation.op === 'add') {
        fields[key] = text(operation.value, `[${i}].value`, key === 'title' ? TITLE_MAX : DESCRIPTION_MAX, key === 'title');
      } else {
        throw badRequest(`[${i}].op`, `must be "replace", "add" or "remove", got ${JSON.stringify(operation.op)?.slice(0, 40)}`);
      }
    });
    return fields;
  }
  if (!isObject(body)) throw badRequest('body', 'must be { "title", "description" } or a JSON patch array');
  for (const key of Object.keys(body)) if (key !== 'title' && key !== 'description') throw badRequest(key, 'cannot be changed; only title and description can');
  if (body.title !== undefined) fields.title = text(body.title, 'title', TITLE_MAX, true);
  if (body.description !== undefined) fields.description = text(body.description, 'description', DESCRIPTION_MAX, false);
  if (fields.title === undefined && fields.description === undefined) throw badRequest('body', 'nothing to change; send title and/or description');
  return fields;
}

/** The body of `POST /collections/{id}/items`: an array of `{ op: add | remove, id, type }`. */
export function parseItemOperations(body: unknown, maxItems: number): ItemOperation[] {
  const list = itemList(body, 'body', maxItems);
  if (list.length === 0) throw badRequest('body', 'at least one { "op", "id", "type" } operation');
  return list.map((operation, i) => {
    const ref = itemRef(operation, `[${i}]`);
    const op = (operation as Record<string, unknown>).op;
    if (op !== 'add' && op !== 'remove') throw badRequest(`[${i}].op`, `must be "add" or "remove", got ${JSON.stringify(op)?.slice(0, 40)}`);
    return { ...ref, op };
  });
}
