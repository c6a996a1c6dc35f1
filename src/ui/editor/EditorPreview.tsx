import { useState } from 'react';
import { ControlMessage } from './EditorField.tsx';
import type { PreviewState } from './usePreviewImage.ts';
import { formatLabel, useTranslator } from '../editorHost.ts';

export interface EditorPreviewProps {
  preview: PreviewState;
  /** A refusal that belongs to no control in particular. */
  message: string | undefined;
}

/**
 * The delivered image for the draft, and under it what was delivered: pixel size (decoded),
 * format (the response's Content-Type) and byte size. The last good image stays while the next
 * loads or when the next is refused.
 */
export function EditorPreview({ preview, message }: EditorPreviewProps) {
  const t = useTranslator();
  const [decoded, setDecoded] = useState<{ src: string; width: number; height: number }>();
  const image = preview.image;
  const size = decoded && image && decoded.src === image.objectUrl ? t.t('dimensions', { width: String(decoded.width), height: String(decoded.height) }) : undefined;
  return (
    <figure className="as-editor-preview" aria-busy={preview.loading || undefined} data-state={image?.standIn ? 'stand-in' : image ? 'exact' : 'empty'}>
      <div className="as-editor-preview-frame">
        <img
          className="as-editor-preview-image"
          alt={t.t('preview')}
          src={image?.objectUrl}
          hidden={!image}
          onLoad={(e) => setDecoded({ src: e.currentTarget.src, width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
        />
        {!image && <p className="as-editor-preview-empty">{t.t('previewLoading')}</p>}
      </div>
      <figcaption className="as-editor-preview-info">
        {image && (
          <>
            {size && <span>{size}</span>}
            <span>{formatLabel(t, image.contentType)}</span>
            <span>{t.bytes(image.bytes)}</span>
          </>
        )}
        {preview.loading && <span className="as-editor-preview-loading">{t.t('previewLoading')}</span>}
      </figcaption>
      {(message || preview.failed) && (
        <div role="alert" className="as-editor-preview-error">
          <p className="as-error-title">{t.t('previewFailed')}</p>
          <ControlMessage message={message} />
        </div>
      )}
    </figure>
  );
}
