import { useEffect, useId, useRef, useState } from 'react';
import { ErrorState, useQuery, useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import { takeBarFocus } from './collectionFocus.ts';
import { injectCollectionStyles } from './injectCollectionStyles.ts';
import { useCollectionsApi, useMayWrite } from './useCollectionsApi.ts';
import { writeFailure } from './writeFailure.ts';

/**
 * Above the results while a collection is open: its name (a heading, focused when it was opened
 * from the list, so it is read out), **All assets**, and with a token **Add selection** /
 * **Remove selection**. It reads the collection's members for the store's scope (the results wait
 * for them) and its ETag for `If-Match`; a write that meets a 412 reloads both and says so.
 */
export function CollectionBar() {
  const store = useSelectorStore();
  const t = useTranslator();
  const { api, key } = useCollectionsApi();
  const mayWrite = useMayWrite();
  const collection = useSelector((s) => s.collection)!;
  const selection = useSelector((s) => s.selection);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { id } = collection;
  const [version, setVersion] = useState(0);
  const [etag, setEtag] = useState<{ for: unknown; etag: string | undefined }>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const read = useQuery({ key: [key, 'collection', id, version], staleTime: 0, keepPrevious: true, fetch: (signal) => api.read(id, { signal }) });
  const members = useQuery({ key: [key, 'collection-members', id, version], staleTime: 0, keepPrevious: true, fetch: (signal) => api.members(id, { signal }) });
  useEffect(() => {
    if (members.data) store.getState().setCollectionMembers(id, members.data);
  }, [store, id, members.data]);
  const title = read.data?.collection.title;
  const ready = title !== undefined && collection.ids !== undefined;
  useEffect(() => {
    if (ready && takeBarFocus(store)) heading.current?.focus();
  }, [store, ready]);

  const failed = read.isError ? read : members.isError ? members : undefined;
  if (failed) return <ErrorState error={failed.error} title={t.t('collOpenFailed')} onRetry={() => setVersion((v) => v + 1)} />;
  if (!ready) {
    return (
      <p className="as-coll-bar as-label" aria-busy="true">
        {t.t('collOpening')}
      </p>
    );
  }

  const ids = collection.ids!;
  const chosen = [...selection.keys()];
  const toAdd = chosen.filter((assetId) => !ids.includes(assetId));
  const toRemove = chosen.filter((assetId) => ids.includes(assetId));
  const change = (op: 'add' | 'remove', assetIds: string[]) => {
    if (busy || assetIds.length === 0) return;
    setBusy(true);
    setMessage('');
    const current = etag && etag.for === read.data ? etag.etag : read.data?.etag;
    api.changeItems(id, current, op, assetIds).then(
      (next) => {
        setBusy(false);
        setEtag({ for: read.data, etag: next });
        setMessage(t.t(op === 'add' ? 'collAdded' : 'collRemoved', { count: assetIds.length }));
        members.refetch();
      },
      (error: unknown) => {
        setBusy(false);
        store.getState().reportError(error);
        const stale = (error as { status?: number }).status === 412;
        setMessage(stale ? t.t('collStale') : writeFailure(t, error));
        if (stale) setVersion((v) => v + 1);
      },
    );
  };

  return (
    <div ref={injectCollectionStyles} className="as-coll-bar" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.t('collHeading', { title })}
      </h2>
      <button type="button" className="as-button as-button-quiet as-button-small" onClick={() => store.getState().openCollection(undefined)}>
        {t.t('collAllAssets')}
      </button>
      {mayWrite && (
        <>
          <button type="button" className="as-button as-button-small" aria-disabled={busy || toAdd.length === 0} onClick={() => change('add', toAdd)}>
            {t.t('collAdd')}
          </button>
          <button type="button" className="as-button as-button-small" aria-disabled={busy || toRemove.length === 0} onClick={() => change('remove', toRemove)}>
            {t.t('collRemove')}
          </button>
        </>
      )}
      <p role="status" className="as-label">
        {message}
      </p>
    </div>
  );
}
