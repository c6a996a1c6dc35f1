import type { FacetRequest, QueryNode, SearchRequest } from '../../../src/core/types.ts';
import { badRequest } from '../http/problem.ts';
import { parseFieldPath, type FieldPath, type FieldValue } from './fieldPath.ts';

/** The operators of the composite query language, named by the contract's `QueryNode`. */
type Operator = QueryNode extends infer N ? (N extends unknown ? keyof N : never) : never;

/**
 * A `QueryNode` of the contract (src/core/types.ts) once validated: its operator as `type`,
 * field paths resolved, date bounds as epoch milliseconds. This is what `evaluateQuery` runs.
 */
export type ParsedQueryNode =
  | { type: Extract<Operator, 'match'>; text: string; fields: FieldPath[] | undefined }
  | { type: Extract<Operator, 'term'>; field: FieldPath; values: FieldValue[] }
  | { type: Extract<Operator, 'range'>; field: FieldPath; kind: 'number' | 'date'; gt?: number; gte?: number; lt?: number; lte?: number }
  | { type: Extract<Operator, 'exists'>; field: FieldPath }
  | { type: Extract<Operator, 'and' | 'or' | 'not'>; nodes: ParsedQueryNode[] };

/** A contract `FacetRequest`, validated. */
export interface ParsedFacetRequest {
  id: string;
  field: FieldPath;
  size: number;
}

/** A contract `SearchRequest`, validated, with its defaults applied. */
export interface ParsedSearchRequest {
  query: ParsedQueryNode[];
  orderBy: string | undefined;
  limit: number;
  cursor: string | undefined;
  facets: ParsedFacetRequest[];
}

const MAX_NODES = 5;
const MAX_DEPTH = 8;
const DEFAULT_LIMIT = 24;
const TOP_LEVEL_KEYS = new Set<keyof SearchRequest>(['query', 'orderBy', 'limit', 'cursor', 'facets']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a search body. Every rejection is a 400 whose detail starts with the JSON path of the
 * offending value (`query[1].range.repositoryMetadata.repo:size.gte: …`), so a client author can
 * find the mistake without reading the emulator's source.
 */
export function parseSearchRequest(body: unknown): ParsedSearchRequest {
  if (!isObject(body)) throw badRequest('body', 'the search request must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_KEYS.has(key as keyof SearchRequest)) throw badRequest(key, `unknown property; expected one of ${[...TOP_LEVEL_KEYS].join(', ')}`);
  }
  const query = parseNodeList(body.query, 'query', 0);
  const limit = body.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw badRequest('limit', `must be an integer from 1 to 50, got ${JSON.stringify(limit)}`);
  }
  const orderBy = body.orderBy;
  if (orderBy !== undefined && (typeof orderBy !== 'string' || orderBy.trim() === '')) {
    throw badRequest('orderBy', 'must be a non-empty string such as "repositoryMetadata.repo:size desc"');
  }
  const cursor = body.cursor;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) throw badRequest('cursor', 'must be the non-empty string from a previous response');
  return { query, orderBy, limit, cursor, facets: parseFacets(body.facets) };
}

function parseNodeList(value: unknown, at: string, depth: number): ParsedQueryNode[] {
  if (!Array.isArray(value)) throw badRequest(at, 'must be an array of query nodes');
  if (value.length < 1 || value.length > MAX_NODES) {
    throw badRequest(at, `must hold 1 to ${MAX_NODES} nodes, got ${value.length}; nest "and"/"or" groups for more`);
  }
  if (depth > MAX_DEPTH) throw badRequest(at, `queries may nest at most ${MAX_DEPTH} levels deep`);
  return value.map((node, i) => parseNode(node, `${at}[${i}]`, depth));
}

function parseNode(node: unknown, at: string, depth: number): ParsedQueryNode {
  if (!isObject(node)) throw badRequest(at, 'must be an object such as {"match": {"text": "…"}}');
  const keys = Object.keys(node);
  if (keys.length !== 1) throw badRequest(at, `must have exactly one operator, got ${keys.length ? keys.join(', ') : 'none'}`);
  const type = keys[0]!;
  const arg = node[type];
  const here = `${at}.${type}`;
  switch (type) {
    case 'match':
      return parseMatch(arg, here);
    case 'term':
      return parseTerm(arg, here);
    case 'range':
      return parseRange(arg, here);
    case 'exists': {
      if (!isObject(arg) || typeof arg.field !== 'string') throw badRequest(here, 'must be {"field": "<path>"}');
      return { type: 'exists', field: field(arg.field, `${here}.field`) };
    }
    case 'and':
    case 'or':
    case 'not':
      return { type, nodes: parseNodeList(arg, here, depth + 1) };
    default:
      throw badRequest(at, `unknown query node type "${type}"; expected match, term, range, exists, and, or or not`);
  }
}

function field(raw: string, at: string): FieldPath {
  const path = parseFieldPath(raw);
  if (!path) throw badRequest(at, `"${raw}" is not a field path; expected repositoryMetadata.<name> or assetMetadata.<name>, optionally prefixed with "metadata."`);
  return path;
}

function parseMatch(arg: unknown, at: string): ParsedQueryNode {
  if (!isObject(arg) || typeof arg.text !== 'string') throw badRequest(at, 'must be {"text": "…", "fields"?: [...]}');
  if (arg.text.trim() === '') throw badRequest(`${at}.text`, 'must not be empty; use "*" to match everything');
  let fields: FieldPath[] | undefined;
  if (arg.fields !== undefined) {
    if (!Array.isArray(arg.fields) || arg.fields.length === 0 || arg.fields.some((f) => typeof f !== 'string')) {
      throw badRequest(`${at}.fields`, 'must be a non-empty array of field paths');
    }
    fields = (arg.fields as string[]).map((f, i) => field(f, `${at}.fields[${i}]`));
  }
  for (const key of Object.keys(arg)) if (key !== 'text' && key !== 'fields') throw badRequest(`${at}.${key}`, 'unknown property');
  return { type: 'match', text: arg.text, fields };
}

function parseTerm(arg: unknown, at: string): ParsedQueryNode {
  if (!isObject(arg) || Object.keys(arg).length !== 1) throw badRequest(at, 'must be {"<field path>": [values]}');
  const [raw, value] = Object.entries(arg)[0]!;
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw badRequest(`${at}.${raw}`, 'must list at least one value');
  for (const v of values) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw badRequest(`${at}.${raw}`, 'values must be strings, numbers or booleans');
    }
  }
  return { type: 'term', field: field(raw, `${at}.${raw}`), values: values as FieldValue[] };
}

function parseRange(arg: unknown, at: string): ParsedQueryNode {
  if (!isObject(arg) || Object.keys(arg).length !== 1) throw badRequest(at, 'must be {"<field path>": {"gte": …, "lt": …}}');
  const [raw, bounds] = Object.entries(arg)[0]!;
  const here = `${at}.${raw}`;
  if (!isObject(bounds) || Object.keys(bounds).length === 0) throw badRequest(here, 'must give at least one of gt, gte, lt, lte');
  const node: Extract<ParsedQueryNode, { type: 'range' }> = { type: 'range', field: field(raw, here), kind: 'number' };
  const kinds = new Set<string>();
  for (const [op, value] of Object.entries(bounds)) {
    if (op !== 'gt' && op !== 'gte' && op !== 'lt' && op !== 'lte') throw badRequest(`${here}.${op}`, 'unknown bound; expected gt, gte, lt or lte');
    if (typeof value === 'number' && Number.isFinite(value)) {
      kinds.add('number');
      node[op] = value;
    } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) {
      kinds.add('date');
      node[op] = Date.parse(value);
    } else {
      throw badRequest(`${here}.${op}`, `must be a number or an ISO-8601 date-time, got ${JSON.stringify(value)}`);
    }
  }
  if (kinds.size > 1) throw badRequest(here, 'mixes numbers and dates');
  node.kind = kinds.has('date') ? 'date' : 'number';
  return node;
}

function parseFacets(value: unknown): ParsedFacetRequest[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 10) throw badRequest('facets', 'must be an array of at most 10 facet requests');
  return value.map((facet, i) => {
    const at = `facets[${i}]`;
    if (!isObject(facet)) throw badRequest(at, 'must be {"type": "CATEGORY", "id": …, "field": …}');
    if (facet.type !== ('CATEGORY' satisfies FacetRequest['type'])) throw badRequest(`${at}.type`, `only "CATEGORY" facets are supported, got ${JSON.stringify(facet.type)}`);
    if (typeof facet.field !== 'string') throw badRequest(`${at}.field`, 'must be a field path');
    const size = facet.size ?? 10;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 100) throw badRequest(`${at}.size`, 'must be an integer from 1 to 100');
    const id = typeof facet.id === 'string' && facet.id ? facet.id : facet.field;
    return { id, field: field(facet.field, `${at}.field`), size };
  });
}
