import { useId, useState, type FormEvent } from 'react';
import type { CollectionsApi } from '../../core/collectionClient.ts';
import { useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import { writeFailure } from './writeFailure.ts';

/**
 * **New collection from the selection**: a title, an optional description, and the chosen assets
 * as its items (`POST /collections`). The outcome is announced; the list is read again.
 */
export function NewCollectionForm({ api, onCreated }: { api: CollectionsApi; onCreated(): void }) {
  const t = useTranslator();
  const store = useSelectorStore();
  const selection = useSelector((s) => s.selection);
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (selection.size === 0) return setMessage(t.t('collNeedSelection'));
    if (!title.trim()) return setMessage(t.t('collNeedTitle'));
    setBusy(true);
    setMessage('');
    api.create({ title: title.trim(), description: description.trim(), assetIds: [...selection.keys()] }).then(
      (made) => {
        setBusy(false);
        setTitle('');
        setDescription('');
        setMessage(t.t('collCreated', { title: made.collection.title }));
        onCreated();
      },
      (error: unknown) => {
        setBusy(false);
        store.getState().reportError(error);
        setMessage(writeFailure(t, error));
      },
    );
  };

  return (
    <form className="as-coll-new" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h3 id={`${id}-h`} className="as-panel-heading">
        {t.t('collNew')}
      </h3>
      <div className="as-field">
        <label htmlFor={`${id}-t`} className="as-label">
          {t.t('collTitle')}
        </label>
        <input id={`${id}-t`} className="as-input" value={title} maxLength={256} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="as-field">
        <label htmlFor={`${id}-d`} className="as-label">
          {t.t('collDescription')}
        </label>
        <input id={`${id}-d`} className="as-input" value={description} maxLength={4096} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <button type="submit" className="as-button as-button-primary" aria-disabled={busy || selection.size === 0}>
        {t.t('collCreate')}
      </button>
      <p role="status" className="as-label">
        {message}
      </p>
    </form>
  );
}
