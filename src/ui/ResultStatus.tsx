import { useSelector } from './useSelectorStore.ts';
import { useResultsSummary } from './useAssetSearch.ts';
import { useTranslator } from './useTranslator.ts';

/** The live status: how many assets were found ("10,000+" when the repository caps the count). */
export function ResultStatus() {
  const t = useTranslator();
  const { first, searching, total, relation } = useResultsSummary();
  const advancedActive = useSelector((s) => s.advanced.active);
  let message = '';
  if (searching) message = t.t('searching');
  else if (first) {
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
