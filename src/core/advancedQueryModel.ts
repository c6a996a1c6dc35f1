/*
 * The advanced query's model, apart from its fields and its translation into query clauses
 * (advancedQuery.ts): a selector holds an empty one from the start, and needs the rest only once
 * its advanced query editor has loaded (the only way to give the query a row).
 */

/** The advanced query editor's model: rows of field / operator / value, with one level of groups. */
export type AdvancedOperator = 'contains' | 'is' | 'isNot' | 'between' | 'exists';

export interface AdvancedRow {
  kind: 'row';
  id: string;
  field: string;
  operator: AdvancedOperator;
  value: string;
  /** Upper bound for `between`. */
  valueTo: string;
}

export interface AdvancedGroup {
  kind: 'group';
  id: string;
  join: 'and' | 'or';
  rows: AdvancedRow[];
}

export interface AdvancedQuery {
  join: 'and' | 'or';
  items: Array<AdvancedRow | AdvancedGroup>;
  /** Whether the query runs (it was applied and not cleared). */
  active: boolean;
}

export function emptyAdvancedQuery(): AdvancedQuery {
  return { join: 'and', items: [], active: false };
}
