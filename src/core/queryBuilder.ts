import type { QueryNode, RangeBounds, TermValue } from './types.ts';

/**
 * Builders for the composite query language (spec/search-api.md), and `foldQuery`, which turns
 * any list of clauses into a request the API accepts: at most 5 top-level nodes and at most 5
 * children in every `and` / `or` / `not` array.
 *
 * "Empty" clauses — `undefined`, `null`, `false`, a `match` with blank text, a `term` without
 * values, a `range` without bounds, an `exists` without a field, and `and()` / `or()` / `not()`
 * with nothing left in them — are dropped everywhere, as if they had not been written. That lets
 * callers write `and(text && match(text), kind && term(...))` without guarding each piece.
 */

/** A clause as callers may pass it: a node, or a falsy "nothing here" (`'' && x` gives `''`). */
export type Clause = QueryNode | undefined | null | false | '';

/** The most children the API takes in one array (top level and each `and` / `or` / `not`). */
export const MAX_CLAUSES = 5;

/** Full-text search; `fields` limits it to these field paths. Blank text is an empty clause. */
export function match(text: string, fields?: string[]): QueryNode {
  return fields && fields.length > 0 ? { match: { text, fields: [...fields] } } : { match: { text } };
}

/** The field equals (or, for arrays, contains) any of `values`. */
export function term(field: string, values: TermValue | TermValue[]): QueryNode {
  return { term: { [field]: Array.isArray(values) ? [...values] : [values] } };
}

/** Bounds over a number or ISO-8601 date-time field; undefined bounds are left out. */
export function range(field: string, bounds: RangeBounds): QueryNode {
  return { range: { [field]: definedBounds(bounds) } };
}

/** The field has a value. */
export function exists(field: string): QueryNode {
  return { exists: { field } };
}

/** Every node matches. A single child is returned as is; nothing left → undefined. */
export function and(...nodes: Clause[]): QueryNode | undefined {
  return combine('and', normalizeAll(nodes));
}

/** Any node matches. A single child is returned as is; nothing left → undefined. */
export function or(...nodes: Clause[]): QueryNode | undefined {
  return combine('or', normalizeAll(nodes));
}

/** None of the nodes matches. Nothing left → undefined. */
export function not(...nodes: Clause[]): QueryNode | undefined {
  const children = flatten('or', normalizeAll(nodes));
  if (children.length === 0) return undefined;
  // not(a, b, …) means "none of them", i.e. not(or(a, b, …)), so its list folds like an `or`.
  return { not: foldList(children, 'or') };
}

/**
 * A valid top-level `query` list with the meaning "the host scope AND every clause":
 * empty clauses dropped, nested arrays folded to at most 5 children (deeper `and` / `or` groups
 * where there are more), and `[{ match: { text: '*' } }]` when nothing is left.
 *
 * @param clauses the user's clauses (search text, filters, advanced query), AND-ed.
 * @param scope the host's `query` option, AND-ed to everything.
 */
export function foldQuery(clauses: readonly Clause[], scope?: readonly QueryNode[]): QueryNode[] {
  const nodes = flatten('and', normalizeAll([...(scope ?? []), ...clauses]));
  if (nodes.length === 0) return [{ match: { text: '*' } }];
  return foldList(nodes, 'and');
}

/**
 * A copy of the node in valid form, or undefined when it is empty. Multi-field `term` and
 * `range` objects become one node per field, AND-ed, since the API takes one field per node.
 */
export function normalizeNode(node: Clause): QueryNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if ('match' in node) {
    const { text, fields } = node.match;
    if (typeof text !== 'string' || text.trim() === '') return undefined;
    return match(text, fields);
  }
  if ('term' in node) {
    const terms = Object.entries(node.term)
      .filter(([field, values]) => field !== '' && Array.isArray(values) && values.length > 0)
      .map(([field, values]) => term(field, values));
    return combine('and', terms);
  }
  if ('range' in node) {
    const ranges = Object.entries(node.range)
      .map(([field, bounds]) => [field, definedBounds(bounds ?? {})] as const)
      .filter(([field, bounds]) => field !== '' && Object.keys(bounds).length > 0)
      .map(([field, bounds]): QueryNode => ({ range: { [field]: bounds } }));
    return combine('and', ranges);
  }
  if ('exists' in node) return node.exists.field ? exists(node.exists.field) : undefined;
  if ('and' in node) return and(...node.and);
  if ('or' in node) return or(...node.or);
  if ('not' in node) return not(...node.not);
  return undefined;
}

/** Joins already valid nodes. */
function combine(op: 'and' | 'or', nodes: readonly QueryNode[]): QueryNode | undefined {
  const children = flatten(op, nodes);
  if (children.length === 0) return undefined;
  if (children.length === 1) return children[0];
  const folded = foldList(children, op);
  // Folding a long list can leave a single group node; do not wrap it once more.
  return folded.length === 1 ? folded[0] : op === 'and' ? { and: folded } : { or: folded };
}

function normalizeAll(nodes: readonly Clause[]): QueryNode[] {
  const out: QueryNode[] = [];
  for (const node of nodes) {
    const normalized = normalizeNode(node);
    if (normalized) out.push(normalized);
  }
  return out;
}

/**
 * Lifts the children of same-operator groups at any depth: and(a, and(b, and(c, d))) is
 * and(a, b, c, d), which then folds into a balanced tree instead of a lopsided one.
 */
function flatten(op: 'and' | 'or', nodes: readonly QueryNode[]): QueryNode[] {
  return nodes.flatMap((node) => {
    if (op === 'and' && 'and' in node) return flatten(op, node.and);
    if (op === 'or' && 'or' in node) return flatten(op, node.or);
    return [node];
  });
}

/**
 * At most {@link MAX_CLAUSES} nodes with the same conjunction (or disjunction) as `nodes`:
 * consecutive runs of 5 become `op` groups, repeated until the list fits, so n clauses nest
 * only log5(n) levels deep (the API allows 8).
 */
function foldList(nodes: readonly QueryNode[], op: 'and' | 'or'): QueryNode[] {
  let list = [...nodes];
  while (list.length > MAX_CLAUSES) {
    const next: QueryNode[] = [];
    for (let i = 0; i < list.length; i += MAX_CLAUSES) {
      const group = list.slice(i, i + MAX_CLAUSES);
      next.push(group.length === 1 ? group[0]! : op === 'and' ? { and: group } : { or: group });
    }
    list = next;
  }
  return list;
}

function definedBounds(bounds: RangeBounds): RangeBounds {
  const out: RangeBounds = {};
  for (const key of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = bounds[key];
    if (value !== undefined && value !== '' && !(typeof value === 'number' && !Number.isFinite(value))) out[key] = value;
  }
  return out;
}
