import { useContext, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { UploadItem, UploadStatus } from '../../core/uploadQueue.ts';
import { messagesEnUpload } from '../../i18n/messages.en.upload.ts';
import { addEnglish, injectPartStyles, QueryCacheContext, useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import css from './upload.css?inline';
import { uploadQueueFor } from './uploadQueueFor.ts';
import { UploadRow, uploadStatusText } from './UploadRow.tsx';

addEnglish(messagesEnUpload);

/** The states a person is told of as they happen (progress itself is only shown, not announced). */
const ANNOUNCED: ReadonlySet<UploadStatus> = new Set(['approved', 'waiting', 'conflict', 'failed', 'cancelled']);
/** How many approvals each queue's search results already reflect (kept over unmounts of the panel). */
const refreshedFor = new WeakMap<object, number>();

/**
 * The upload queue (the `upload` option), loaded with the first file chosen or dropped: takes the
 * files the Upload button and the drop zone handed to the store, lists them with their progress,
 * announces what becomes of each, and refreshes the search when an upload is approved, so it
 * shows in the results. Uploads that wait for approval cannot be selected: their rows say so.
 */
export function UploadPanel() {
  const store = useSelectorStore();
  const t = useTranslator();
  const queue = uploadQueueFor(store);
  const { items, approved } = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const files = useSelector((s) => s.uploadFiles);
  const folder = useSelector((s) => s.options.upload?.folder ?? '');
  const cache = useContext(QueryCacheContext);
  const region = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    if (region.current) injectPartStyles(region.current.getRootNode() as Document | ShadowRoot, 'upload', css);
  }, []);

  useEffect(() => {
    if (files.length === 0) return;
    store.setState({ uploadFiles: [] });
    queue.add(files);
  }, [files, queue, store]);

  // The tray lists what waits for approval (SelectionTray), from the store.
  useEffect(() => {
    const waiting = items.flatMap((item) => (item.status === 'waiting' && item.asset ? [{ assetId: item.asset.assetId, name: item.name }] : []));
    const shown = store.getState().awaitingApproval;
    if (waiting.length !== shown.length || waiting.some((entry, i) => entry.assetId !== shown[i]!.assetId)) store.setState({ awaitingApproval: waiting });
  }, [items, store]);

  useEffect(() => {
    if (approved > (refreshedFor.get(queue) ?? 0)) cache?.invalidate('search');
    refreshedFor.set(queue, approved);
  }, [approved, cache, queue]);

  const announcement = useAnnouncement(items, (item) => t.t('uploadAnnounce', { name: item.name, status: uploadStatusText(item, t) }));

  return (
    <section ref={region} className="as-uploads" aria-label={t.t('uploads')}>
      <div className="as-uploads-head">
        <span>{t.t('uploadTo', { folder })}</span>
        <button
          type="button"
          className="as-button as-button-small"
          onClick={() => {
            queue.clearFinished();
            // Clearing forgets the waiting uploads too (and may unmount this before its effect runs).
            store.setState({ awaitingApproval: [], ...(queue.getSnapshot().items.length === 0 ? { uploadsShown: false } : {}) });
          }}
        >
          {t.t('uploadClearFinished')}
        </button>
      </div>
      <ul className="as-uploads-list">
        {items.map((item) => (
          <UploadRow key={item.id} item={item} queue={queue} t={t} />
        ))}
      </ul>
      <p className="as-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

/** The latest announced change: a file whose status became one worth telling (ANNOUNCED). */
function useAnnouncement(items: readonly UploadItem[], say: (item: UploadItem) => string): string {
  const seen = useRef(new Map<number, UploadStatus>());
  const [text, setText] = useState('');
  useEffect(() => {
    const lines: string[] = [];
    for (const item of items) {
      if (seen.current.get(item.id) !== item.status && ANNOUNCED.has(item.status)) lines.push(say(item));
      seen.current.set(item.id, item.status);
    }
    if (lines.length > 0) setText(lines.join('. '));
  }, [items, say]);
  return text;
}
