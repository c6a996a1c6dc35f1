import { useEffect } from 'react';
import { asSelectorError } from '../core/selectorError.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { AlertIcon } from './icons.tsx';
import { useSelectorStore } from './useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

export interface ErrorStateProps {
  error: unknown;
  title: string;
  /** Re-runs the failed request. */
  onRetry(): void;
  /** A one-line variant (e.g. the last row of the grid when a later page failed). */
  inline?: boolean;
}

/**
 * A failure the user can act on: what went wrong in words, the server's `problem.detail` when it
 * sent one, and Retry. Reports the error to `onError` once.
 */
export function ErrorState({ error, title, onRetry, inline = false }: ErrorStateProps) {
  const t = useTranslator();
  const store = useSelectorStore();
  useEffect(() => store.getState().reportError(error), [store, error]);
  const failure = asSelectorError(error);
  const detail = failure.problem?.detail;
  return (
    <div className={inline ? 'as-error as-error-inline' : 'as-error'} role="alert">
      <AlertIcon />
      <div className="as-error-text">
        <p className="as-error-title">{title}</p>
        <p className="as-error-message">{t.t(`error.${failure.code}` as MessageKey)}</p>
        {detail && <p className="as-error-detail">{detail}</p>}
      </div>
      <button type="button" className="as-button" onClick={onRetry}>
        {t.t('retry')}
      </button>
    </div>
  );
}
