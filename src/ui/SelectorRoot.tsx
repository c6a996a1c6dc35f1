import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RepositoryClient } from '../core/repositoryClient.ts';
import type { SelectorStore } from '../store/createSelectorStore.ts';
import { selectionPayload } from '../store/selectionPayload.ts';
import { SelectorStoreContext, useSelector, useSelectorStore } from '../store/useSelectorStore.ts';
import { ModalFrame } from './ModalFrame.tsx';
import { SearchRequestProvider } from './SearchRequestProvider.tsx';
import { SelectorLayout } from './SelectorLayout.tsx';
import { RepositoryClientContext, useOwnRepositoryClient } from './useRepositoryClient.ts';
import { useCatalogReady } from './useCatalogReady.ts';
import { useTranslator } from './useTranslator.ts';

export interface SelectorRootProps {
  /** The instance's store (createSelectorStore); the mount handle and the element drive the same one. */
  store: SelectorStore;
  /** A client to read through; default: one made from the store's options. */
  client?: RepositoryClient;
  /** A QueryClient to cache in; default: the selector's own, isolated from the host's. */
  queryClient?: QueryClient;
}

/** The selector's own cache. The client retries on its own, so react-query does not retry again. */
export function createSelectorQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 } },
  });
}

/**
 * The whole UI for one store: providers, the callbacks to the host, and the frame (a region when
 * inline, a focus-trapped dialog when modal). Renders nothing while the store is not `open`, but
 * stays mounted, so the cache and the state survive closing and reopening.
 */
export function SelectorRoot({ store, client, queryClient }: SelectorRootProps) {
  const [ownQueryClient] = useState(createSelectorQueryClient);
  // The cache's garbage-collection timers must not outlive the selector.
  useEffect(() => () => ownQueryClient.clear(), [ownQueryClient]);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection !== previous.selection) state.options.onSelectionChange?.(selectionPayload(state));
      }),
    [store],
  );
  return (
    <SelectorStoreContext.Provider value={store}>
      <QueryClientProvider client={queryClient ?? ownQueryClient}>
        <ClientProvider client={client} />
      </QueryClientProvider>
    </SelectorStoreContext.Provider>
  );
}

function ClientProvider({ client }: { client: RepositoryClient | undefined }) {
  const handle = useOwnRepositoryClient(useSelectorStore(), client);
  return (
    <RepositoryClientContext.Provider value={handle}>
      <SearchRequestProvider>
        <SelectorFrame />
      </SearchRequestProvider>
    </RepositoryClientContext.Provider>
  );
}

function SelectorFrame() {
  const store = useSelectorStore();
  const t = useTranslator();
  const open = useSelector((s) => s.open);
  const mode = useSelector((s) => s.options.mode);
  const colorScheme = useSelector((s) => s.options.colorScheme);
  // Not one frame in English while the locale's messages load.
  const messagesReady = useCatalogReady(useSelector((s) => s.options.locale));
  if (!open || !messagesReady) return null;
  if (mode === 'modal') {
    const close = () => {
      store.getState().setOpen(false);
      store.getState().options.onClose?.();
    };
    return (
      <ModalFrame label={t.t('selector')} colorScheme={colorScheme} lang={t.locale} onEscape={close}>
        <SelectorLayout />
      </ModalFrame>
    );
  }
  return (
    <section className="as-root as-inline" aria-label={t.t('selector')} data-color-scheme={colorScheme} lang={t.locale}>
      <SelectorLayout />
    </section>
  );
}
