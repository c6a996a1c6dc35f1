import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { SelectorStore } from '../store/createSelectorStore.ts';
import { ModalFrame } from './ModalFrame.tsx';
import { SelectorLayout } from './SelectorLayout.tsx';
import { useCatalogReady } from './useCatalogReady.ts';
import { RepositoryClientContext, useOwnRepositoryClient } from './useRepositoryClient.ts';
import { SelectorStoreContext, useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useSettledSearch } from './useSettledSearch.ts';
import { useTranslator } from './useTranslator.ts';

export interface SelectorRootProps {
  /** The instance's store (createSelectorStore); the mount handle and the element drive the same one. */
  store: SelectorStore;
}

/** The selector's own cache. The client retries on its own, so react-query does not retry again. */
function createSelectorQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 } },
  });
}

/**
 * The whole UI for one store: its cache, the repository client and the frame (a region when
 * inline, a focus-trapped dialog when modal). Renders nothing while the store is not `open`, but
 * stays mounted, so the cache and the state survive closing and reopening. It owns the selector's
 * QueryClient (isolated from any the host has), whoever renders it: `mount()`, the React component
 * or a test.
 */
export function SelectorRoot({ store }: SelectorRootProps) {
  const [queryClient] = useState(createSelectorQueryClient);
  useEmptiedOnUnmount(queryClient);
  return (
    <SelectorStoreContext.Provider value={store}>
      <QueryClientProvider client={queryClient}>
        <ClientProvider />
      </QueryClientProvider>
    </SelectorStoreContext.Provider>
  );
}

/**
 * Empties the cache when the selector goes, so that no garbage-collection timer outlives it. After
 * a microtask, once every cleanup of the unmount has run: the queries' observers unsubscribe in
 * cleanups that may come after this one, and each would start a timer on a query still cached.
 * (When StrictMode remounts at once, the component is back by then and the cache stays.)
 */
function useEmptiedOnUnmount(queryClient: QueryClient): void {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current) queryClient.clear();
      });
    };
  }, [queryClient]);
}

function ClientProvider() {
  const handle = useOwnRepositoryClient(useSelectorStore());
  useSettledSearch();
  return (
    <RepositoryClientContext.Provider value={handle}>
      <SelectorFrame />
    </RepositoryClientContext.Provider>
  );
}

function SelectorFrame() {
  const store = useSelectorStore();
  const t = useTranslator();
  const open = useSelector((s) => s.isOpen);
  const mode = useSelector((s) => s.options.mode);
  const colorScheme = useSelector((s) => s.options.colorScheme);
  const searchInput = useRef<HTMLInputElement>(null);
  // Not one frame in English while the locale's messages load.
  const messagesReady = useCatalogReady(useSelector((s) => s.options.locale));
  if (!open || !messagesReady) return null;
  if (mode === 'modal') {
    return (
      <ModalFrame label={t.t('selector')} colorScheme={colorScheme} lang={t.locale} initialFocus={searchInput} onEscape={() => store.getState().cancel()}>
        <SelectorLayout searchInput={searchInput} />
      </ModalFrame>
    );
  }
  return (
    <section className="as-root as-inline" aria-label={t.t('selector')} data-color-scheme={colorScheme} lang={t.locale}>
      <SelectorLayout searchInput={searchInput} />
    </section>
  );
}
