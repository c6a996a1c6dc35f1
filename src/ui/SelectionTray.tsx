import { useSelector, useSelectorStore } from '../store/useSelectorStore.ts';
import { AssetThumbnail } from './AssetThumbnail.tsx';
import { CloseIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/** The chosen assets in the order they were chosen, each with a remove button. */
export function SelectionTray() {
  const store = useSelectorStore();
  const t = useTranslator();
  const selection = useSelector((s) => s.selection);
  const entries = [...selection.values()];
  return (
    <section className="as-tray" aria-label={t.t('tray')} data-state={entries.length > 0 ? 'filled' : 'empty'}>
      {entries.length === 0 ? (
        <p className="as-tray-empty">{t.t('trayEmpty')}</p>
      ) : (
        <ul className="as-tray-list">
          {entries.map(({ asset }) => (
            <li key={asset.assetId} className="as-tray-item">
              <AssetThumbnail asset={asset} cssWidth={40} />
              <span className="as-tray-title">{asset.title}</span>
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
        </ul>
      )}
    </section>
  );
}
