import { createContext, useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { QueryCache } from './queryCache.ts';
import type { QueryEntry, QueryState } from './queryEntry.ts';

/** The selector's query cache; SelectorRoot provides it. */
export const QueryCacheContext = createContext<QueryCache | null>(null);

/** How long fetched data counts as fresh unless a query says otherwise. */
const STALE_TIME = 60_000;

export interface QueryOptions {
  /** Everything the request depends on; the cache is keyed by it (as JSON). */
  key: readonly unknown[];
  /** false: nothing is fetched (the data of an earlier key may still show, with keepPrevious). */
  enabled?: boolean;
  /** How long fetched data is fresh (ms): a reader arriving later than that fetches it again. */
  staleTime?: number;
  /** While a new key has no data yet, show the previous key's (`isPlaceholderData`). */
  keepPrevious?: boolean;
}

export interface QueryResult<T> {
  data: T | undefined;
  error: unknown;
  /** Nothing to show yet: no data, no error, no previous data kept. */
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  /** `data` is the previous key's, shown until this key's arrives. */
  isPlaceholderData: boolean;
  /** Fetches again (Retry). */
  refetch(): void;
}

/**
 * Binds a cache entry to a component: subscribes to it (the entry aborts its request when its last
 * reader goes), fetches when the entry needs it, and keeps the previous key's data if asked. The
 * fetch runs from an effect, after the subscription (declared first), so it always has a reader.
 */
export function useQueryEntry<T>(options: QueryOptions, load: (signal: AbortSignal) => Promise<T>) {
  const cache = useContext(QueryCacheContext);
  if (!cache) throw new Error('asset-selector: queries need SelectorRoot');
  const entry: QueryEntry<T> = cache.entry<T>(options.key);
  const state: QueryState<T> = useSyncExternalStore(entry.subscribe, entry.getState);
  const latest = useRef(load);
  latest.current = load;
  const enabled = options.enabled ?? true;
  const staleTime = options.staleTime ?? STALE_TIME;
  useEffect(() => {
    if (enabled && entry.needsFetch(staleTime)) entry.fetch('all', latest.current);
  }, [entry, enabled, staleTime]);

  const previous = useRef<T | undefined>(undefined);
  const placeholder = state.data === undefined && state.status === 'pending' && options.keepPrevious === true ? previous.current : undefined;
  if (state.data !== undefined) previous.current = state.data;
  // Stable per key, like the state: components may list it in their effects' dependencies.
  const refetch = useCallback(() => entry.fetch('all', latest.current), [entry]);
  return { entry, state, placeholder, refetch };
}

/** What every query's readers see, from its entry's state and the previous key's data kept meanwhile. */
export function queryResult<T>(state: QueryState<T>, data: T | undefined, placeholder: T | undefined, refetch: () => void): QueryResult<T> {
  return {
    data: data ?? placeholder,
    error: state.error,
    isPending: state.status === 'pending' && placeholder === undefined,
    isError: state.status === 'error',
    isFetching: state.fetching !== 'none',
    isPlaceholderData: placeholder !== undefined,
    refetch,
  };
}

/** One request's data (metadata, smart crops, presets, a facet), cached per selector. */
export function useQuery<T>(options: QueryOptions & { fetch(signal: AbortSignal): Promise<T> }): QueryResult<T> {
  const { state, placeholder, refetch } = useQueryEntry(options, options.fetch);
  return queryResult(state, state.data, placeholder, refetch);
}
