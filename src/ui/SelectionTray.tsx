import { useId } from 'react';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { AssetThumbnail } from './AssetThumbnail.tsx';
import { EditButton } from './editor/EditButton.tsx';
import { TrayDownload } from './download/TrayDownload.tsx';
import { CloseIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/**
 * The chosen assets in the order they were chosen, each with a remove button (and Edit for images),
 * then the uploads waiting for approval (the `upload` option), which cannot be chosen yet.
 */
export function SelectionTray() {
  const store = useSelectorStore();
  const t = useTranslator();
  const selection = useSelector((s) => s.selection);
  const editorOn = useSelector((s) => s.options.editor);
  const downloadOn = useSelector((s) => s.options.download);
  const waiting = useSelector((s) => s.awaitingApproval);
  const entries = [...selection.values()];
  // Unique per asset and per selector: two selectors on a page may hold the same asset.
  const trayId = useId();
  const titleId = (assetId: string) => `${trayId}-title-${assetId.replace(/[^\w-]/g, '_')}`;
  return (
    <section className="as-tray" aria-label={t.t('tray')} data-state={entries.length + waiting.length > 0 ? 'filled' : 'empty'}>
      {entries.length + waiting.length === 0 ? (
        <p className="as-tray-empty">{t.t('trayEmpty')}</p>
      ) : (
        <ul className="as-tray-list">
          {entries.map(({ asset }) => (
            <li key={asset.assetId} className="as-tray-item">
              <AssetThumbnail asset={asset} cssWidth={40} lazy />
              <span className="as-tray-title" id={titleId(asset.assetId)}>
                {asset.title}
              </span>
              {editorOn && asset.kind === 'image' && <EditButton asset={asset} describedBy={titleId(asset.assetId)} small />}
              <button
                type="button"
                className="as-button as-button-icon as-button-quiet"
                aria-label={t.t('removeAsset', { title: asset.title })}
                title={t.t('removeAsset', { title: asset.title })}
                onClick={() => store.getState().deselect(asset.assetId)}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
          {/* Uploaded, not approved: in the repository but not deliverable, so shown and never selectable or emitted. */}
          {waiting.map(({ assetId, name }) => (
            <li key={`waiting-${assetId}`} className="as-tray-item" data-waiting="">
              <span className="as-tray-title">{name}</span>
              <span className="as-tray-waiting">{t.t('trayWaiting')}</span>
            </li>
          ))}
        </ul>
      )}
      {downloadOn && entries.length > 0 && <TrayDownload assetIds={entries.map(({ asset }) => asset.assetId)} />}
    </section>
  );
}
