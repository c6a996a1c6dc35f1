import type { AdvancedQuery } from './advancedQueryModel.ts';
import { DEFAULT_FILTER_GROUPS, facetRequestsFor, filtersToQuery } from './filtersToQuery.ts';
import type { FilterGroup, FilterValue } from './options.ts';
import { foldQuery, match } from './queryBuilder.ts';
import { orderByFor, type SortDirection, type SortField } from './sortOrder.ts';
import type { QueryNode, SearchRequest } from './types.ts';

/** Assets per page: four rows of a wide grid, and under the API's 50. */
export const PAGE_SIZE = 48;

/**
 * What a search is made of: the part of a selector's state the request depends on. The store's
 * state has this shape, so `searchRequestFor(store.getState())` works; a headless host passes its own.
 */
export interface SearchState {
  text: string;
  filters: Readonly<Record<string, FilterValue>>;
  sort: { field: SortField; direction: SortDirection };
  advanced: AdvancedQuery;
  options: {
    /** The host's `query` option, AND-ed to everything. */
    query?: readonly QueryNode[] | undefined;
    /** The host's `filters` option, else the default groups. */
    filters?: readonly FilterGroup[] | undefined;
  };
}

/** The clauses of an advanced query (advancedQueryToNodes, in advancedQuery.ts). */
export type AdvancedClauses = (advanced: AdvancedQuery) => QueryNode[];

/**
 * The first-page search request for a selector's state (the cursor is added per page), its
 * advanced query turned into clauses by `advancedClauses`. searchRequestFor.ts passes
 * advancedQueryToNodes; the selector passes it once its advanced query editor has loaded.
 */
export function searchRequestWith({ text, filters, sort, advanced, options }: SearchState, advancedClauses: AdvancedClauses): SearchRequest {
  const groups = options.filters ?? DEFAULT_FILTER_GROUPS;
  const trimmed = text.trim();
  const query = foldQuery([trimmed ? match(trimmed) : undefined, ...filtersToQuery(groups, filters), ...advancedClauses(advanced)], options.query);
  const orderBy = orderByFor(sort.field, sort.direction);
  const facets = facetRequestsFor(groups);
  return {
    query,
    ...(orderBy ? { orderBy } : {}),
    limit: PAGE_SIZE,
    ...(facets.length > 0 ? { facets } : {}),
  };
}

/**
 * The one-hit request for a filter group's own facet. Values are OR-ed within a group, so once
 * some are chosen, the group's list must not be narrowed by its own choice: it comes from the
 * same search without that group's filter.
 */
export function groupFacetRequestWith(state: SearchState, group: FilterGroup, advancedClauses: AdvancedClauses): SearchRequest {
  const { [group.id]: _own, ...others } = state.filters;
  return { ...searchRequestWith({ ...state, filters: others }, advancedClauses), limit: 1, facets: facetRequestsFor([group]) };
}

/**
 * The request for the page after `cursor`: the first page's request without its facets. Facets
 * count over every hit, which at 100,000 assets costs far more than the page itself, and they are
 * read from the first page only.
 */
export function pageRequestFor(first: SearchRequest, cursor: string | undefined): SearchRequest {
  if (cursor === undefined) return first;
  const { facets: _facets, ...rest } = first;
  return { ...rest, cursor };
}
