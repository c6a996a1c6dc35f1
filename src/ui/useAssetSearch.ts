import { useContext, useEffect, useMemo } from 'react';
import { normalizeAsset } from '../core/normalizeAsset.ts';
import { pageRequestFor } from '../core/searchRequest.ts';
import type { AssetSummary, FacetValue, SearchRequest, SearchResponse } from '../core/types.ts';
import type { ResolvedOptions } from '../core/validateOptions.ts';
import { recallFirstPage, rememberFirstPage } from './query/recentFirstPages.ts';
import { prefetchInfiniteQuery, useInfiniteQuery } from './query/useInfiniteQuery.ts';
import { QueryCacheContext } from './query/useQuery.ts';
import { useRepositoryClient, type RepositoryClientHandle } from './useRepositoryClient.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';

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

/** The results query for `request`: the key holds the client's key and the whole request, i.e. everything that changes it. */
function resultsQuery({ client, key }: RepositoryClientHandle, request: SearchRequest) {
  return {
    key: ['search', key, request],
    fetchPage: (cursor: string | undefined, signal: AbortSignal) => client.search(pageRequestFor(request, cursor), { signal }),
    nextCursor: (last: SearchResponse) => last.cursor || undefined,
    keepPrevious: true,
  };
}

/**
 * Sends the current search now, while the selector renders, rather than from the effect of the
 * component that shows it: effects run after the first frame is painted, which on a cold start
 * held the request back by a few hundred milliseconds. Idempotent: a search already fetched or
 * in flight is left alone. Only while the selector is `shown`: a closed one searches nothing.
 */
export function usePrefetchResults(shown: boolean): void {
  const cache = useContext(QueryCacheContext);
  const handle = useRepositoryClient();
  const store = useSelectorStore();
  if (!cache || !shown) return;
  const { options, search } = store.getState();
  // A selector mounted again shows the first page it showed before, in its first frame.
  prefetchInfiniteQuery(cache, resultsQuery(handle, search.request), () => {
    const shared = sharedResults(options, search.request);
    return shared && recallFirstPage<SearchResponse>(shared.id, shared.owner);
  });
}

/** Where this search's first page is shared page-wide (recentFirstPages.ts); undefined with a token function. */
function sharedResults(options: ResolvedOptions, request: SearchRequest): { id: string; owner: string | undefined } | undefined {
  if (typeof options.token === 'function') return undefined;
  return { id: JSON.stringify([options.repository, options.searchUrl, options.apiKey ?? null, request]), owner: options.token };
}

const EMPTY_FACETS: Readonly<Record<string, FacetValue[]>> = {};

function facetsOf(first: SearchResponse | undefined): Readonly<Record<string, FacetValue[]>> {
  return first?.facets ? Object.fromEntries(first.facets.map((f) => [f.id, f.values])) : EMPTY_FACETS;
}

/**
 * The search results for the selector's state: pages through the response's `cursor`, passing the
 * query's `signal` so a newer search cancels a stale one.
 */
export function useAssetSearch() {
  const request = useSelector((s) => s.search.request);
  const text = useSelector((s) => s.search.inputs.text.trim());
  const options = useSelector((s) => s.options);
  const query = useInfiniteQuery(resultsQuery(useRepositoryClient(), request));
  const pages = query.data;
  const assets = useMemo(() => (pages ? pages.flatMap(assetsOf) : []), [pages]);
  const first = pages?.[0];
  const fresh = query.isPlaceholderData || query.isFetching ? undefined : first;
  useEffect(() => {
    const shared = fresh && sharedResults(options, request);
    if (shared) rememberFirstPage(shared.id, shared.owner, fresh);
  }, [fresh, options, request]);
  const facets = useMemo(() => facetsOf(first), [first]);
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
