import { CLAUSE_BUILDERS, type ClauseBuilders } from './clauseBuilders.ts';
import type { AdvancedGroup, AdvancedQuery, AdvancedRow } from './advancedQueryModel.ts';
import type { QueryNode, RangeBounds } from './types.ts';

export { emptyAdvancedQuery, type AdvancedGroup, type AdvancedOperator, type AdvancedQuery, type AdvancedRow } from './advancedQueryModel.ts';

/** How a field's values are compared: text is searched by word, keywords are exact, numbers and dates have ranges. */
export type AdvancedFieldType = 'text' | 'keyword' | 'number' | 'date';

export interface AdvancedField {
  /** Names its label in the UI's catalogs (`advField.{id}`). */
  id: string;
  path: string;
  /** The English label, for hosts that build their own UI. */
  label: string;
  type: AdvancedFieldType;
}

/** The fields the advanced query editor offers (a row may name another path; it is then treated as text). */
export const ADVANCED_FIELDS: AdvancedField[] = [
  { id: 'title', path: 'assetMetadata.dc:title', label: 'Title', type: 'text' },
  { id: 'name', path: 'repositoryMetadata.repo:name', label: 'File name', type: 'text' },
  { id: 'description', path: 'assetMetadata.dc:description', label: 'Description', type: 'text' },
  { id: 'creator', path: 'assetMetadata.dc:creator', label: 'Creator', type: 'text' },
  { id: 'keywords', path: 'assetMetadata.xcm:keywords', label: 'Keywords', type: 'keyword' },
  { id: 'format', path: 'repositoryMetadata.dc:format', label: 'MIME type', type: 'keyword' },
  { id: 'path', path: 'repositoryMetadata.repo:path', label: 'Path', type: 'keyword' },
  { id: 'size', path: 'repositoryMetadata.repo:size', label: 'File size (bytes)', type: 'number' },
  { id: 'width', path: 'assetMetadata.tiff:ImageWidth', label: 'Width (px)', type: 'number' },
  { id: 'height', path: 'assetMetadata.tiff:ImageLength', label: 'Height (px)', type: 'number' },
  { id: 'created', path: 'repositoryMetadata.repo:createDate', label: 'Created', type: 'date' },
  { id: 'modified', path: 'repositoryMetadata.repo:modifyDate', label: 'Modified', type: 'date' },
  { id: 'expires', path: 'assetMetadata.pur:expirationDate', label: 'Expires', type: 'date' },
];

let lastId = 0;
/** Ids only need to be unique within a page (they key React lists and name form controls). */
const nextId = (prefix: string) => `${prefix}-${(++lastId).toString(36)}`;

/** A new row (defaults: the first field, `contains`, empty values) with a unique id. */
export function newAdvancedRow(init: Partial<Omit<AdvancedRow, 'kind' | 'id'>> = {}): AdvancedRow {
  return { field: ADVANCED_FIELDS[0]!.path, operator: 'contains', value: '', valueTo: '', ...init, kind: 'row', id: nextId('adv-row') };
}

/** A new group (default join `and`, one empty row) with a unique id. */
export function newAdvancedGroup(init: Partial<Omit<AdvancedGroup, 'kind' | 'id'>> = {}): AdvancedGroup {
  return { join: 'and', rows: [newAdvancedRow()], ...init, kind: 'group', id: nextId('adv-group') };
}

/**
 * The query clauses for an advanced query, to be AND-ed with the rest by `foldQuery`.
 * - `contains` → `match` on that field; `is` / `isNot` → `term` / `not[term]` (a whole day for
 *   date fields, a number for number fields); `between` → `range` with inclusive bounds;
 *   `exists` → `exists`.
 * - Rows whose value is empty (or not a number / date where one is needed) are dropped, so a
 *   half-filled form never becomes a 400; an emptied group disappears.
 * - Returns [] while the query is not active.
 */
export const advancedQueryToNodes: (q: AdvancedQuery) => QueryNode[] = /* @__PURE__ */ advancedQueryTranslator(CLAUSE_BUILDERS);

/**
 * advancedQueryToNodes over the builders given: the advanced query editor passes the selector's
 * own (ui/editorHost.ts), so the editors' script carries no copy of them.
 */
export function advancedQueryTranslator({ and, exists, match, not, or, range, term, dayStart, dayEnd }: ClauseBuilders): (q: AdvancedQuery) => QueryNode[] {
  const joined = (join: 'and' | 'or', nodes: Array<QueryNode | undefined>): QueryNode | undefined => (join === 'or' ? or(...nodes) : and(...nodes));

  const rowNode = (row: AdvancedRow): QueryNode | undefined => {
    const path = row.field.trim();
    if (!path) return undefined;
    const type = fieldType(path);
    const value = row.value.trim();
    switch (row.operator) {
      case 'exists':
        return exists(path);
      case 'contains':
        return value ? match(value, [path]) : undefined;
      case 'is':
        return equals(path, type, value);
      case 'isNot': {
        const node = equals(path, type, value);
        return node && not(node);
      }
      case 'between':
        return between(path, type, value, row.valueTo.trim());
    }
  };

  const equals = (path: string, type: AdvancedFieldType, value: string): QueryNode | undefined => {
    if (!value) return undefined;
    if (type === 'number') {
      const n = parseNumber(value);
      return n === undefined ? undefined : term(path, [n]);
    }
    // A date "is" a day: any time within it.
    if (type === 'date') return between(path, type, value, value);
    return term(path, [value]);
  };

  const between = (path: string, type: AdvancedFieldType, from: string, to: string): QueryNode | undefined => {
    let bounds: RangeBounds;
    if (type === 'number') bounds = { gte: parseNumber(from), lte: parseNumber(to) };
    else if (type === 'date') bounds = { gte: from ? dayStart(from) : undefined, lte: to ? dayEnd(to) : undefined };
    // The API ranges only over numbers and dates.
    else return undefined;
    return bounds.gte === undefined && bounds.lte === undefined ? undefined : range(path, bounds);
  };

  return (q) => {
    if (!q.active) return [];
    const nodes = q.items.map((item) => (item.kind === 'group' ? joined(item.join, item.rows.map(rowNode)) : rowNode(item)));
    if (q.join === 'or') {
      const any = or(...nodes);
      return any ? [any] : [];
    }
    return nodes.filter((n): n is QueryNode => n !== undefined);
  };
}

function fieldType(path: string): AdvancedFieldType {
  return ADVANCED_FIELDS.find((f) => f.path === path)?.type ?? 'text';
}

function parseNumber(text: string): number | undefined {
  return /^-?(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : undefined;
}
