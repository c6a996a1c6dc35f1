import { useSelector } from './useSelectorStore.ts';
import { ErrorState } from './ErrorState.tsx';
import { LazyPart } from './LazyPart.tsx';
import { loadAssetDetails } from './lazyParts.ts';
import { useAssetMetadata } from './useAssetMetadata.ts';
import { useTranslator } from './useTranslator.ts';

/**
 * The focused asset's metadata, read fresh from the repository, and shown by a part
 * (ui/details/AssetDetails.tsx) that loads with the first focus, beside the metadata's request:
 * the first screen does not wait for it, and the first focus hardly longer than for the metadata.
 */
export function DetailsPanel() {
  const t = useTranslator();
  const focusedId = useSelector((s) => s.focusedId);
  const metadata = useAssetMetadata(focusedId);
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it too.
    <section className="as-details" aria-label={t.t('details')} aria-busy={metadata.isFetching || undefined} tabIndex={0}>
      <h2 className="as-panel-heading">{t.t('details')}</h2>
      {focusedId === undefined ? (
        <p className="as-details-empty">{t.t('detailsEmpty')}</p>
      ) : metadata.isError ? (
        <ErrorState error={metadata.error} title={t.t('detailsErrorTitle')} onRetry={() => void metadata.refetch()} />
      ) : (
        <LazyPart load={loadAssetDetails} props={{ asset: metadata.data }} className="as-details-part" failedTitle={t.t('partLoadFailed')} />
      )}
    </section>
  );
}
