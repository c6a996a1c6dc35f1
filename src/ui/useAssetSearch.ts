import { useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { pageRequestFor } from '../core/searchRequest.ts';
import type { FacetValue, SearchRequest, SearchResponse } from '../core/types.ts';
import type { ResolvedOptions } from '../core/validateOptions.ts';
import { firstScreenOf, type FirstScreen } from './firstScreen.ts';
import { recallFirstPage, rememberFirstPage } from './query/recentFirstPages.ts';
import { prefetchInfiniteQuery, useInfiniteQuery } from './query/useInfiniteQuery.ts';
import { QueryCacheContext } from './query/useQuery.ts';
import { createResultList, packPage, type ResultList, type ResultsPage, type UnpackedPages } from './resultList.ts';
import { useRepositoryClient, type RepositoryClientHandle } from './useRepositoryClient.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';

/**
 * The results query for `request`: the key holds the client's key and the whole request, i.e.
 * everything that changes it. A first page's thumbnails are requested as it arrives (firstScreen.ts).
 */
function resultsQuery({ client, key }: RepositoryClientHandle, request: SearchRequest, screen: FirstScreen) {
  return {
    key: ['search', key, request],
    // The pages after the first are kept packed (resultList.ts).
    fetchPage: (cursor: string | undefined, signal: AbortSignal): Promise<ResultsPage> =>
      client.search(pageRequestFor(request, cursor), { signal }).then((page) => {
        if (cursor !== undefined) return packPage(page);
        screen.arrived(page);
        return page;
      }),
    nextCursor: (last: ResultsPage) => last.cursor || undefined,
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
  prefetchInfiniteQuery(cache, resultsQuery(handle, search.request, firstScreenOf(store)), () => {
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
 * The assets of `pages`, in order, read by index (resultList.ts): each page's hits become objects
 * only while they are read, a few pages at a time, for this selector.
 */
function useAssetsOf(pages: readonly ResultsPage[] | undefined): ResultList {
  const [unpacked] = useState<UnpackedPages>(() => new Map());
  return useMemo(() => createResultList(pages, unpacked), [pages, unpacked]);
}

/**
 * The search results for the selector's state: pages through the response's `cursor`, passing the
 * query's `signal` so a newer search cancels a stale one. Read by the results themselves; what
 * only needs the first page (the count, the facets) reads useResultsSummary, which does not
 * re-render as pages are added.
 */
export function useAssetSearch() {
  const request = useSelector((s) => s.search.request);
  const text = useSelector((s) => s.search.inputs.text.trim());
  const options = useSelector((s) => s.options);
  const query = useInfiniteQuery(resultsQuery(useRepositoryClient(), request, firstScreenOf(useSelectorStore())));
  const pages = query.data;
  const assets = useAssetsOf(pages);
  const first = pages?.[0];
  const fresh = query.isPlaceholderData || query.isFetching ? undefined : first;
  useEffect(() => {
    const shared = fresh && sharedResults(options, request);
    if (shared) rememberFirstPage(shared.id, shared.owner, fresh);
  }, [fresh, options, request]);
  return { query, request, text, assets, ...countOf(first) };
}

/** The count the first page gives: `relation` 'gte' when the repository caps it ("10,000+"). */
function countOf(first: SearchResponse | undefined): { total: number; relation: 'eq' | 'gte' } {
  return { total: first?.search_metadata.totalCount.total ?? 0, relation: first?.search_metadata.totalCount.relation ?? 'eq' };
}

export interface ResultsSummary {
  /** The first page of the results shown: this search's, or the previous search's while this one loads. */
  first: SearchResponse | undefined;
  /** The search has no answer yet (the previous results, if any, still show). */
  searching: boolean;
  facets: Readonly<Record<string, FacetValue[]>>;
  total: number;
  relation: 'eq' | 'gte';
}

/**
 * What the first page of the current results says (the count, the facets), for the parts that show
 * only that: it subscribes to the first page and the status alone, so the next pages arriving
 * while scrolling re-render none of them. It reads the query useAssetSearch fetches.
 */
export function useResultsSummary(): ResultsSummary {
  const request = useSelector((s) => s.search.request);
  const cache = useContext(QueryCacheContext)!;
  const query = resultsQuery(useRepositoryClient(), request, firstScreenOf(useSelectorStore()));
  const entry = cache.entry<SearchResponse[]>(query.key);
  // The results fetch it; when they are not shown (the editor is open) this does, as any reader
  // of a query would, so they find it there when they come back. Once per key.
  useEffect(() => prefetchInfiniteQuery(cache, query), [entry]);
  const data = useSyncExternalStore(entry.subscribe, () => entry.getState().data?.[0]);
  const status = useSyncExternalStore(entry.subscribe, () => entry.getState().status);
  // Like the results (keepPrevious): the previous search's first page until this one's arrives.
  const previous = useRef<SearchResponse>(undefined);
  const first = data ?? (status === 'pending' ? previous.current : undefined);
  if (data) previous.current = data;
  const facets = useMemo(() => facetsOf(first), [first]);
  return { first, searching: status === 'pending', facets, ...countOf(first) };
}
