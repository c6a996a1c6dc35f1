import type { AdvancedClauses } from '../core/searchRequest.ts';

let clauses: AdvancedClauses | undefined;

/**
 * The advanced query editor hands over the translation of an advanced query into clauses
 * (advancedQueryToNodes) as its module loads, through ui/editorHost.ts, so the first screen does
 * not carry it (nor the fields it knows).
 */
export function setAdvancedClauses(translate: AdvancedClauses): void {
  clauses = translate;
}

/**
 * An advanced query's clauses, for the store's requests. None before the editor has loaded: until
 * then the query is the empty one the store starts with, for only the editor gives it rows.
 */
export const advancedClauses: AdvancedClauses = (advanced) => (clauses ? clauses(advanced) : []);
