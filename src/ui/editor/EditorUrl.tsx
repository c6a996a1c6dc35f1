import { useEffect, useId, useRef, useState } from 'react';
import { useTranslator } from '../editorHost.ts';

/** Copies text: the async Clipboard API, else a selection and `execCommand('copy')`. */
async function copyText(text: string, fallbackField: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no permission, not a secure context): fall through to the selection.
  }
  if (!fallbackField) return false;
  fallbackField.focus();
  fallbackField.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The delivery URL as read-only text, with Copy and a status that says it happened. */
export function EditorUrl({ url }: { url: string }) {
  const t = useTranslator();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setStatus('idle'), [url]);
  return (
    <div className="as-editor-url">
      <label className="as-label" htmlFor={id}>
        {t.t('deliveryUrl')}
      </label>
      <div className="as-editor-url-row">
        <textarea ref={field} id={id} className="as-input as-editor-url-text" readOnly rows={3} value={url} spellCheck={false} />
        <button type="button" className="as-button" onClick={() => void copyText(url, field.current).then((ok) => setStatus(ok ? 'copied' : 'failed'))}>
          {t.t('copy')}
        </button>
      </div>
      <p role="status" className="as-editor-url-status">
        {status === 'copied' ? t.t('copied') : status === 'failed' ? t.t('copyFailed') : ''}
      </p>
    </div>
  );
}
