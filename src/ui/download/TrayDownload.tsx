import { useEffect, useRef, useState } from 'react';
import { LazyPart } from '../LazyPart.tsx';
import { loadArchiveDownload } from '../lazyParts.ts';
import { useTranslator } from '../useTranslator.ts';

/**
 * The tray's **Download**: the button, and once pressed the archive flow, a part loaded on first
 * use (ui/download/ArchiveDownload.tsx). It archives the selection as it was when pressed; when
 * the flow closes, focus comes back to the button.
 */
export function TrayDownload({ assetIds }: { assetIds: readonly string[] }) {
  const t = useTranslator();
  const [archiving, setArchiving] = useState<readonly string[]>();
  const button = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (archiving === undefined && closed.current) button.current?.focus();
  }, [archiving]);
  return (
    <div className="as-tray-download">
      {archiving ? (
        <LazyPart
          load={loadArchiveDownload}
          props={{
            assetIds: archiving,
            onClose: () => {
              closed.current = true;
              setArchiving(undefined);
            },
          }}
          className="as-download"
          failedTitle={t.t('downloadLoadFailed')}
        />
      ) : (
        <button ref={button} type="button" className="as-button" onClick={() => setArchiving(assetIds)}>
          {t.t('download')}
        </button>
      )}
    </div>
  );
}
