import { advancedQueryToNodes, type AdvancedQuery } from '../core/advancedQuery.ts';
import { DEFAULT_FILTER_GROUPS, facetRequestsFor, filtersToQuery } from '../core/filtersToQuery.ts';
import type { FilterGroup, FilterValue } from '../core/options.ts';
import { foldQuery, match } from '../core/queryBuilder.ts';
import { orderByFor, type SortDirection, type SortField } from '../core/sortOrder.ts';
import type { QueryNode, SearchRequest } from '../core/types.ts';

/** Assets per page: four rows of a wide grid, and under the API's 50. */
export const PAGE_SIZE = 48;

export interface SearchInputs {
  text: string;
  filters: Readonly<Record<string, FilterValue>>;
  sort: { field: SortField; direction: SortDirection };
  advanced: AdvancedQuery;
  /** The host's `query` option, AND-ed to everything. */
  scope?: readonly QueryNode[];
  /** The host's `filters` option, else the default groups. */
  groups?: readonly FilterGroup[];
}

/** The first-page search request for the selector's state (the cursor is added per page). */
export function searchRequestFor({ text, filters, sort, advanced, scope, groups = DEFAULT_FILTER_GROUPS }: SearchInputs): SearchRequest {
  const trimmed = text.trim();
  const query = foldQuery([trimmed ? match(trimmed) : undefined, ...filtersToQuery(groups, filters), ...advancedQueryToNodes(advanced)], scope);
  const orderBy = orderByFor(sort.field, sort.direction);
  const facets = facetRequestsFor(groups);
  return {
    query,
    ...(orderBy ? { orderBy } : {}),
    limit: PAGE_SIZE,
    ...(facets.length > 0 ? { facets } : {}),
  };
}
