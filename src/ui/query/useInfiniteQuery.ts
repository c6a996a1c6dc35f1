import { useCallback, useRef } from 'react';
import type { QueryCache } from './queryCache.ts';
import { queryResult, useQueryEntry, type QueryOptions, type QueryResult } from './useQuery.ts';

type InfiniteQueryOptions<P> = QueryOptions & { fetchPage(cursor: string | undefined, signal: AbortSignal): Promise<P>; nextCursor(page: P): string | undefined };

/** The whole query's load: its first page (the pages after it come through fetchNextPage). */
const firstPage =
  <P>(options: InfiniteQueryOptions<P>) =>
  async (signal: AbortSignal): Promise<P[]> => [await options.fetchPage(undefined, signal)];

/**
 * Starts fetching the first page of a query nothing has fetched yet, without a reader: the hook
 * that reads it later finds it in flight and does not fetch again. For requests that should leave
 * before the components that show them have rendered. `recall` may give a first page to show
 * instead (stale while revalidating); it is asked only when the query would be fetched. With one,
 * nothing is fetched here: the readers' effect asks again once the recalled page is painted, so
 * the request (and the answer's render) stays out of the task that draws the first frame.
 */
export function prefetchInfiniteQuery<P>(cache: QueryCache, options: InfiniteQueryOptions<P>, recall?: () => P | undefined): void {
  const entry = cache.entry<P[]>(options.key);
  if (!entry.needsFetch(Infinity)) return;
  const first = recall?.();
  if (first !== undefined) entry.seed([first]);
  else entry.fetch('all', firstPage(options));
}

export interface InfiniteQueryResult<P> extends QueryResult<P[]> {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** The error is the next page's; the pages before it are still shown. */
  isFetchNextPageError: boolean;
  /** Fetches the page after the last (also the Retry of a failed next page). */
  fetchNextPage(): void;
}

/**
 * Pages of one query, each fetched with the cursor the page before it returned. Fetching again
 * (Retry, or fresh readers after `staleTime`) starts over from the first page.
 */
export function useInfiniteQuery<P>(options: InfiniteQueryOptions<P>): InfiniteQueryResult<P> {
  const { entry, state, placeholder, refetch } = useQueryEntry<P[]>(options, firstPage(options));
  const pages = state.data;
  const cursor = pages && pages.length > 0 ? options.nextCursor(pages[pages.length - 1]!) : undefined;
  const latest = useRef(options);
  latest.current = options;
  const fetchNextPage = useCallback(() => {
    const loaded = entry.getState().data;
    const next = loaded && loaded.length > 0 ? latest.current.nextCursor(loaded[loaded.length - 1]!) : undefined;
    if (!loaded || next === undefined) return;
    entry.fetch('next', async (signal) => [...loaded, await latest.current.fetchPage(next, signal)]);
  }, [entry]);
  return {
    ...queryResult(state, pages, placeholder, refetch),
    hasNextPage: cursor !== undefined,
    isFetchingNextPage: state.fetching === 'next',
    isFetchNextPageError: state.status === 'error' && state.nextPageFailed,
    fetchNextPage,
  };
}
