import { useId, useState } from 'react';
import type { CollectionSummary } from '../../core/collectionShapes.ts';
import { ErrorState, useQuery, useSelectorStore, useTranslator } from '../editorHost.ts';
import { focusBarOnOpen } from './collectionFocus.ts';
import { injectCollectionStyles } from './injectCollectionStyles.ts';
import { NewCollectionForm } from './NewCollectionForm.tsx';
import { useCollectionsApi, useMayWrite } from './useCollectionsApi.ts';

/**
 * The Collections view, in place of the results: the repository's collections (first page, then
 * more by cursor), each a button that opens it; **All assets** leaves collections; with a token,
 * a new collection from the selection. Opening one moves focus to its name above the results.
 */
export function CollectionsView({ id }: { id: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const { api, key } = useCollectionsApi();
  const mayWrite = useMayWrite();
  const headingId = useId();
  const first = useQuery({ key: [key, 'collections'], staleTime: 0, fetch: (signal) => api.list(undefined, { signal }) });
  // Later pages, read on demand; a refetch of the first page (after a create) starts over.
  const [more, setMore] = useState<{ for: unknown; items: CollectionSummary[]; cursor?: string; error?: unknown }>();
  const later = more?.for === first.data ? more : undefined;
  const cursor = later ? later.cursor : first.data?.cursor;
  const items = [...(first.data?.items ?? []), ...(later?.items ?? [])];

  const loadMore = () => {
    const base = first.data;
    api.list(cursor).then(
      (page) => setMore({ for: base, items: [...(later?.items ?? []), ...page.items], ...(page.cursor ? { cursor: page.cursor } : {}) }),
      (error: unknown) => setMore({ for: base, items: later?.items ?? [], ...(cursor ? { cursor } : {}), error }),
    );
  };
  const open = (collection: CollectionSummary) => {
    focusBarOnOpen(store);
    store.getState().openCollection(collection.id);
  };

  return (
    <section id={id} ref={injectCollectionStyles} className="as-collections" aria-labelledby={headingId}>
      <div className="as-panel-head">
        <h2 id={headingId} className="as-panel-heading">
          {t.t('collections')}
        </h2>
        <button type="button" className="as-button as-button-quiet as-button-small" onClick={() => store.getState().openCollection(undefined)}>
          {t.t('collAllAssets')}
        </button>
      </div>
      {first.isError ? (
        <ErrorState error={first.error} title={t.t('collLoadFailed')} onRetry={first.refetch} />
      ) : first.isPending ? (
        <p className="as-label" aria-busy="true">
          {t.t('collLoading')}
        </p>
      ) : items.length === 0 ? (
        <p className="as-label">{t.t('collEmpty')}</p>
      ) : (
        <ul className="as-coll-list" aria-label={t.t('collList')}>
          {items.map((collection) => (
            <li key={collection.id}>
              <button type="button" className="as-coll-open" onClick={() => open(collection)} aria-describedby={collection.description ? `${headingId}-${collection.id}` : undefined}>
                {collection.title}
              </button>
              {collection.description && (
                <p id={`${headingId}-${collection.id}`} className="as-label">
                  {collection.description}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {later?.error !== undefined && <ErrorState inline error={later.error} title={t.t('collLoadFailed')} onRetry={loadMore} />}
      {cursor && later?.error === undefined && (
        <button type="button" className="as-button as-button-small" onClick={loadMore}>
          {t.t('collMore')}
        </button>
      )}
      {mayWrite && <NewCollectionForm api={api} onCreated={first.refetch} />}
    </section>
  );
}
