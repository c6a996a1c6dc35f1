import type { QueryNode } from './types.ts';

/** The field that names an asset by its id in a search (AEM's repository metadata `repo:assetId`). */
export const ASSET_ID_FIELD = 'repositoryMetadata.repo:assetId';

/**
 * The clause that keeps a search to a collection's members: its asset ids as one `term`, AND-ed
 * to the person's search like any other clause, so text, filters, facets, sort and paging all
 * work within the collection. An empty collection matches nothing (a `term` must list a value).
 */
export function collectionScope(ids: readonly string[]): QueryNode {
  return ids.length > 0 ? { term: { [ASSET_ID_FIELD]: [...ids] } } : { not: [{ match: { text: '*' } }] };
}
