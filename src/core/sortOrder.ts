/** What the results can be sorted by. `relevance` is the repository's own ranking for the search text. */
export type SortField = 'relevance' | 'name' | 'created' | 'size';
export type SortDirection = 'asc' | 'desc';

/** The sort fields in the order a sort menu shows them. */
export const SORT_FIELDS: readonly SortField[] = ['relevance', 'name', 'created', 'size'];

const SORT_PATHS: Record<Exclude<SortField, 'relevance'>, string> = {
  name: 'repositoryMetadata.repo:name',
  created: 'repositoryMetadata.repo:createDate',
  size: 'repositoryMetadata.repo:size',
};

/**
 * The search request's `orderBy` for a sort choice, e.g. `repositoryMetadata.repo:size desc`.
 * Relevance is undefined: the API ranks by relevance exactly when `orderBy` is left out.
 */
export function orderByFor(field: SortField, direction: SortDirection): string | undefined {
  if (field === 'relevance') return undefined;
  return `${SORT_PATHS[field]} ${direction === 'asc' ? 'asc' : 'desc'}`;
}
