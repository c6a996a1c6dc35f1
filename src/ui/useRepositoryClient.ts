import { createContext, useContext, useMemo } from 'react';
import { createRepositoryClient, type RepositoryClient } from '../core/repositoryClient.ts';
import type { SelectorStore } from '../store/createSelectorStore.ts';
import { useSelector } from './useSelectorStore.ts';

/** The client the selector reads through, and a number naming it in query keys (never the token). */
export interface RepositoryClientHandle {
  client: RepositoryClient;
  key: number;
}

export const RepositoryClientContext = createContext<RepositoryClientHandle | null>(null);

/** The selector's repository client (SelectorRoot provides it). */
export function useRepositoryClient(): RepositoryClientHandle {
  const handle = useContext(RepositoryClientContext);
  if (!handle) throw new Error('asset-selector: useRepositoryClient needs SelectorRoot');
  return handle;
}

const keys = new WeakMap<RepositoryClient, number>();
let nextKey = 1;
function keyOf(client: RepositoryClient): number {
  let key = keys.get(client);
  if (key === undefined) {
    key = nextKey++;
    keys.set(client, key);
  }
  return key;
}

/**
 * The client for the store's options. A new client (and so fresh queries) when the
 * repository, search URL, API key or a string token change. A token *function* is read through
 * the store on every call, so a host passing a new arrow function on each render does not
 * throw the cache away, and the latest function is always the one asked.
 */
export function useOwnRepositoryClient(store: SelectorStore): RepositoryClientHandle {
  const repository = useSelector((s) => s.options.repository);
  const searchUrl = useSelector((s) => s.options.searchUrl);
  const apiKey = useSelector((s) => s.options.apiKey);
  const token = useSelector((s) => (typeof s.options.token === 'function' ? tokenFunctionMarker : s.options.token));
  return useMemo(() => {
    const client = createRepositoryClient({
      repository,
      searchUrl,
      apiKey,
      token:
        token === undefined
          ? undefined
          : async () => {
              const current = store.getState().options.token;
              return typeof current === 'function' ? await current() : (current ?? '');
            },
    });
    return { client, key: keyOf(client) };
  }, [store, repository, searchUrl, apiKey, token]);
}

/** Stands for "some token function" in the memo above (its identity does not matter). */
const tokenFunctionMarker = '\u0000function';
