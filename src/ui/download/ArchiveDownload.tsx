import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { buildArchive, type ArchiveProgress } from '../../core/archiveClient.ts';
import type { ArchiveStatus } from '../../core/archiveStatus.ts';
import { messagesEnDownload } from '../../i18n/messages.en.download.ts';
import { addEnglish, ErrorState, injectPartStyles, SelectorError, useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import css from './download.css?inline';
import { saveFile } from './saveFile.ts';

addEnglish(messagesEnDownload);

export interface ArchiveDownloadProps {
  /** The assets to archive: the selection when Download was pressed. */
  assetIds: readonly string[];
  /** Stop, Done, or the archive saved: the tray shows its Download button again. */
  onClose(): void;
}

type Phase = { state: 'building'; progress: ArchiveProgress | undefined } | { state: 'done'; status: ArchiveStatus } | { state: 'failed'; error: unknown };

/**
 * A SelectorError made by this part's copy of core (the script-tag build's second script has its
 * own) as the selector's class, which the error state and `onError` recognize.
 */
function asHostError(error: unknown): unknown {
  if (error instanceof SelectorError || !(error instanceof Error) || error.name !== 'SelectorError') return error;
  const { code, status, problem } = error as SelectorError;
  return new SelectorError(code, error.message, { ...(status === undefined ? {} : { status }), ...(problem ? { problem } : {}), cause: error });
}

/**
 * The tray's Download at work: asks the repository for an archive of the selection, shows
 * progress while its status is polled (announced politely), then has the browser save the file
 * (one file: at once; several, as the repository may split a large archive: a button each). The
 * items the repository left out are listed as text. Stop cancels at once, errors offer Retry.
 * Our bearer token goes only into the requests' `Authorization` header; the files' URLs carry the
 * repository's own short-lived download token and are never rendered into the DOM.
 */
export function ArchiveDownload({ assetIds, onClose }: ArchiveDownloadProps) {
  const t = useTranslator();
  const store = useSelectorStore();
  const repository = useSelector((s) => s.options.repository);
  const token = useSelector((s) => s.options.token);
  const apiKey = useSelector((s) => s.options.apiKey);
  const [phase, setPhase] = useState<Phase>({ state: 'building', progress: undefined });
  const [attempt, setAttempt] = useState(0);
  const region = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (region.current) injectPartStyles(region.current.getRootNode() as Document | ShadowRoot, 'download', css);
    // Download's button made way for this part: focus goes to what acts on it now.
    region.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setPhase({ state: 'building', progress: undefined });
    buildArchive({ repository, token, apiKey }, assetIds, {
      signal: controller.signal,
      onProgress: (progress) => setPhase({ state: 'building', progress }),
    }).then(
      (status) => {
        setPhase({ state: 'done', status });
        if (status.files.length === 1) saveFile(status.files[0]!.url, status.files[0]!.name);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPhase({ state: 'failed', error: asHostError(error) });
      },
    );
    return () => controller.abort();
  }, [repository, token, apiKey, assetIds, attempt]);

  const titleOf = (assetId: string | undefined) => (assetId && store.getState().selection.get(assetId)?.asset.title) || assetId || '';
  let body;
  if (phase.state === 'failed') {
    body = <ErrorState error={phase.error} title={t.t('downloadFailed')} onRetry={() => setAttempt((n) => n + 1)} inline />;
  } else if (phase.state === 'building') {
    body = (
      <>
        <p className="as-download-status" role="status">
          {phase.progress ? t.t('downloadPreparing') : t.t('downloadRequesting')}
        </p>
        <progress aria-label={t.t('downloadProgress')} />
      </>
    );
  } else {
    const { files, warnings } = phase.status;
    body = (
      <>
        <p className="as-download-status" role="status">
          {files.length === 1 ? t.t('downloadReady') : t.t('downloadReadyFiles', { count: files.length })}
        </p>
        <ul className="as-download-files">
          {files.map((file) => (
            <li key={file.name}>
              <button type="button" className="as-button" onClick={() => saveFile(file.url, file.name)}>
                {file.size === undefined ? file.name : t.t('downloadFile', { name: file.name, size: t.bytes(file.size) })}
              </button>
            </li>
          ))}
        </ul>
        {warnings.length > 0 && (
          <div className="as-download-skipped">
            <p>{t.t('downloadSkipped')}</p>
            <ul>
              {warnings.map((warning, i) => (
                <li key={i}>{t.t('downloadSkippedItem', { title: titleOf(warning.assetId), detail: warning.detail })}</li>
              ))}
            </ul>
          </div>
        )}
      </>
    );
  }
  return (
    <div ref={region} className="as-download" role="group" aria-label={t.t('downloadRegion')}>
      <button type="button" className="as-button" onClick={onClose}>
        {phase.state === 'done' ? t.t('downloadDone') : t.t('downloadStop')}
      </button>
      {body}
    </div>
  );
}
