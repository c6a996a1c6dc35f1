import { useId, useRef } from 'react';
import type { UploadItem, UploadQueue } from '../../core/uploadQueue.ts';
import type { Translator } from '../../i18n/createTranslator.ts';
import type { MessageKey } from '../../i18n/messages.en.ts';

const SHOWS_PROGRESS = new Set(['queued', 'uploading', 'processing', 'approving', 'approved', 'waiting']);

/** What a file's row says about it, in words. */
export function uploadStatusText(item: UploadItem, t: Translator): string {
  if (item.cancelling) return t.t('uploadStatus.cancelling');
  switch (item.status) {
    case 'uploading': {
      const percent = new Intl.NumberFormat(t.locale, { style: 'percent' }).format(item.total > 0 ? item.loaded / item.total : 0);
      return t.t('uploadStatus.uploading', { percent });
    }
    case 'failed':
      return t.t(`uploadFailure.${item.failure?.kind ?? 'rejected'}` as MessageKey);
    case 'waiting':
      return t.t(item.approvalFailure ? 'uploadStatus.approveFailed' : 'uploadStatus.waiting');
    case 'conflict':
      return t.t('uploadStatus.conflict', { name: item.name });
    default:
      return t.t(`uploadStatus.${item.status}` as MessageKey);
  }
}

/**
 * One file of the queue: its name, a progress bar named after it, what is happening in words, the
 * repository's own explanation of a failure (as text), and what can be done: Cancel, Retry, and
 * after a conflict Rename or Replace. The buttons are described by the file's name. A button that
 * goes away with its state leaves the focus on the row, not on the page.
 */
export function UploadRow({ item, queue, t }: { item: UploadItem; queue: UploadQueue; t: Translator }) {
  const row = useRef<HTMLLIElement>(null);
  const nameId = useId();
  const percent = item.total > 0 ? Math.round((item.loaded / item.total) * 100) : item.status === 'uploading' ? 0 : 100;
  const { status } = item;
  const detail = status === 'failed' ? item.failure?.detail : status === 'waiting' ? item.approvalFailure?.detail : undefined;
  const act = (action: (id: number) => void) => () => {
    action(item.id);
    row.current?.focus();
  };
  const button = (label: string, action: (id: number) => void) => (
    <button type="button" className="as-button as-button-small" aria-describedby={nameId} onClick={act(action)}>
      {label}
    </button>
  );
  const cancellable = !item.cancelling && (status === 'queued' || status === 'uploading' || status === 'approving' || status === 'conflict' || status === 'failed' || (status === 'processing' && !item.replacing));
  const retryable = status === 'failed' || (status === 'waiting' && item.approvalFailure !== undefined);
  return (
    <li ref={row} className="as-upload" data-status={status} tabIndex={-1} aria-labelledby={nameId}>
      <span className="as-upload-name" id={nameId} title={item.fileName}>
        {item.name}
      </span>
      {SHOWS_PROGRESS.has(status) && (
        <div className="as-upload-bar" role="progressbar" aria-label={item.name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div style={{ width: `${percent}%` }} />
        </div>
      )}
      <span className="as-upload-status">{uploadStatusText(item, t)}</span>
      {detail && <span className="as-upload-detail">{detail}</span>}
      <span className="as-upload-actions">
        {status === 'conflict' && button(t.t('uploadRename'), queue.rename)}
        {status === 'conflict' && button(t.t('uploadReplace'), queue.replace)}
        {retryable && button(t.t('retry'), queue.retry)}
        {cancellable && button(t.t('uploadCancel'), queue.cancel)}
      </span>
    </li>
  );
}

