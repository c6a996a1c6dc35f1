import { useEffect, useRef, useState } from 'react';
import type { SelectorStore } from '../store/createSelectorStore.ts';
import { firstScreenOf } from './firstScreen.ts';
import { QueryCache } from './query/queryCache.ts';
import { QueryCacheContext } from './query/useQuery.ts';
import { LazyPart } from './LazyPart.tsx';
import { loadFolderPicker, loadModalFrame } from './lazyParts.ts';
import { SelectorLayout } from './SelectorLayout.tsx';
import { usePrefetchResults } from './useAssetSearch.ts';
import { useCatalogReady } from './useCatalogReady.ts';
import { usePreselection } from './usePreselection.ts';
import { RepositoryClientContext, useOwnRepositoryClient } from './useRepositoryClient.ts';
import { SelectorStoreContext, useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useSettledSearch } from './useSettledSearch.ts';
import { textDirection } from './textDirection.ts';
import { TranslatorContext, useOwnTranslator, useTranslator } from './useTranslator.ts';
import { DeliveryContext, useOwnDelivery } from './useDelivery.ts';

export interface SelectorRootProps {
  /** The instance's store (createSelectorStore); the mount handle and the element drive the same one. */
  store: SelectorStore;
  /** The selector's stylesheet while it is on its way (injectStyles): the frame is not drawn until it settles, its search already sent. */
  styles?: Promise<void> | undefined;
}

/**
 * The whole UI for one store: its cache, the repository client and the frame (a region when
 * inline, a focus-trapped dialog when modal). Renders nothing while the store is not `open`, but
 * stays mounted, so the cache and the state survive closing and reopening. It owns the selector's
 * query cache, whoever renders it: `mount()`, the React component or a test; the cache goes with it.
 */
export function SelectorRoot({ store, styles }: SelectorRootProps) {
  const [queries] = useState(() => new QueryCache());
  // Thumbnails requested ahead for a first screen that will not be shown now.
  useEffect(() => () => firstScreenOf(store).release(), [store]);
  return (
    <SelectorStoreContext.Provider value={store}>
      <QueryCacheContext.Provider value={queries}>
        <ClientProvider styles={styles} />
      </QueryCacheContext.Provider>
    </SelectorStoreContext.Provider>
  );
}

function ClientProvider({ styles }: Pick<SelectorRootProps, 'styles'>) {
  const handle = useOwnRepositoryClient(useSelectorStore());
  const translator = useOwnTranslator();
  const delivery = useOwnDelivery();
  return (
    <RepositoryClientContext.Provider value={handle}>
      <TranslatorContext.Provider value={translator}>
        <DeliveryContext.Provider value={delivery}>
          <Preselection />
          <SettledSearch />
          <SelectorFrame styles={styles} />
        </DeliveryContext.Provider>
      </TranslatorContext.Provider>
    </RepositoryClientContext.Provider>
  );
}

/** Inside the client's provider, which the preselection reads through. */
function Preselection() {
  usePreselection();
  return null;
}

/** A leaf of its own: it reads the text as typed, and a keystroke re-renders it, not the selector. */
function SettledSearch() {
  useSettledSearch();
  return null;
}

/** Whether `pending` has settled (true when there is none); the caller re-renders once it does. */
function useSettled(pending: Promise<void> | undefined): boolean {
  const [settled, setSettled] = useState<Promise<void>>();
  useEffect(() => void pending?.then(() => setSettled(pending)), [pending]);
  return !pending || settled === pending;
}

function SelectorFrame({ styles }: Pick<SelectorRootProps, 'styles'>) {
  const store = useSelectorStore();
  const t = useTranslator();
  const open = useSelector((s) => s.isOpen);
  const mode = useSelector((s) => s.options.mode);
  const colorScheme = useSelector((s) => s.options.colorScheme);
  const picker = useSelector((s) => s.options.onSelectFolder !== undefined);
  const searchInput = useRef<HTMLInputElement>(null);
  // Not one frame in English while the locale's messages load.
  const messagesReady = useCatalogReady(useSelector((s) => s.options.locale));
  // Not one unstyled frame while the stylesheet loads.
  const styled = useSettled(styles);
  usePrefetchResults(open && messagesReady && !picker);
  // A modal's frame is a part: loaded as the selector mounts, not as a person first opens it.
  useEffect(() => {
    if (mode === 'modal') void loadModalFrame();
  }, [mode]);
  if (!open || !messagesReady || !styled) return null;
  const dir = textDirection(t.locale);
  const body = picker ? <LazyPart load={loadFolderPicker} props={{}} className="as-folder-picker" failedTitle={t.t('partLoadFailed')} /> : <SelectorLayout searchInput={searchInput} />;
  if (mode === 'modal') {
    return (
      <LazyPart
        load={loadModalFrame}
        props={{ label: t.t('selector'), colorScheme, lang: t.locale, dir, initialFocus: searchInput, onEscape: () => store.getState().cancel(), children: body }}
        className="as-modal-part"
        failedTitle={t.t('partLoadFailed')}
      />
    );
  }
  return (
    <section className="as-root as-inline" aria-label={t.t('selector')} data-color-scheme={colorScheme} lang={t.locale} dir={dir}>
      {body}
    </section>
  );
}
