import { advancedQueryToNodes } from './advancedQuery.ts';
import type { FilterGroup } from './options.ts';
import { groupFacetRequestWith, searchRequestWith, type SearchState } from './searchRequest.ts';
import type { SearchRequest } from './types.ts';

export { PAGE_SIZE, pageRequestFor, type SearchState } from './searchRequest.ts';

/** The first-page search request for a selector's state (the cursor is added per page). */
export function searchRequestFor(state: SearchState): SearchRequest {
  return searchRequestWith(state, advancedQueryToNodes);
}

/**
 * The one-hit request for a filter group's own facet. Values are OR-ed within a group, so once
 * some are chosen, the group's list must not be narrowed by its own choice: it comes from the
 * same search without that group's filter.
 */
export function groupFacetRequestFor(state: SearchState, group: FilterGroup): SearchRequest {
  return groupFacetRequestWith(state, group, advancedQueryToNodes);
}
