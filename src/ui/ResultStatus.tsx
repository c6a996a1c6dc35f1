import { useSelector } from './useSelectorStore.ts';
import { useAssetSearch } from './useAssetSearch.ts';
import { useTranslator } from './useTranslator.ts';

/** The live status: how many assets were found ("10,000+" when the repository caps the count). */
export function ResultStatus() {
  const t = useTranslator();
  const { query, total, relation } = useAssetSearch();
  const advancedActive = useSelector((s) => s.advanced.active);
  let message = '';
  if (query.isPending || query.isPlaceholderData) message = t.t('searching');
  else if (query.data) {
    const count = relation === 'gte' ? `${t.number(total)}+` : t.number(total);
    message = t.plural('resultsFound', total, { count });
  }
  return (
    <div className="as-status-bar">
      <p className="as-status" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </p>
      {advancedActive && <span className="as-chip">{t.t('advancedActive')}</span>}
    </div>
  );
}
