import { useMemo } from 'react';
import { normalizeAsset } from '../core/normalizeAsset.ts';
import { pageRequestFor } from '../core/searchRequestFor.ts';
import type { AssetSummary, FacetValue, SearchResponse } from '../core/types.ts';
import { useInfiniteQuery } from './query/useInfiniteQuery.ts';
import { useRepositoryClient } from './useRepositoryClient.ts';
import { useSelector } from './useSelectorStore.ts';

// Each page is normalized once, however often the list of pages is rebuilt while scrolling.
const normalizedPages = new WeakMap<SearchResponse, AssetSummary[]>();
function assetsOf(page: SearchResponse): AssetSummary[] {
  let assets = normalizedPages.get(page);
  if (!assets) {
    assets = page.hits.results.map(normalizeAsset);
    normalizedPages.set(page, assets);
  }
  return assets;
}

const EMPTY_FACETS: Readonly<Record<string, FacetValue[]>> = {};

/**
 * The search results for the selector's state: pages through the response's `cursor`, passing the
 * query's `signal` so a newer search cancels a stale one.
 * The query key holds the client's key and the whole request, i.e. everything that changes it.
 */
export function useAssetSearch() {
  const request = useSelector((s) => s.search.request);
  const text = useSelector((s) => s.search.inputs.text.trim());
  const { client, key } = useRepositoryClient();
  const query = useInfiniteQuery({
    key: ['search', key, request],
    fetchPage: (cursor, signal) => client.search(pageRequestFor(request, cursor), { signal }),
    nextCursor: (last: SearchResponse) => last.cursor || undefined,
    keepPrevious: true,
  });
  const pages = query.data;
  const assets = useMemo(() => (pages ? pages.flatMap(assetsOf) : []), [pages]);
  const first = pages?.[0];
  const facets = useMemo(() => {
    if (!first?.facets) return EMPTY_FACETS;
    return Object.fromEntries(first.facets.map((f) => [f.id, f.values]));
  }, [first]);
  return {
    query,
    request,
    text,
    assets,
    facets,
    total: first?.search_metadata.totalCount.total ?? 0,
    relation: first?.search_metadata.totalCount.relation ?? 'eq',
  };
}
