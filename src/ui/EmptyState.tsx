import { useSelectorStore } from './useSelectorStore.ts';
import { EmptyIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/** Nothing matched: say so, and offer the way back (clear the text, the filters and the advanced query). */
export function EmptyState({ text }: { text: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  return (
    <div className="as-empty">
      <EmptyIcon />
      <p className="as-empty-title">{text ? t.t('noResultsFor', { text }) : t.t('noResults')}</p>
      <p className="as-empty-hint">{t.t('noResultsHint')}</p>
      <button type="button" className="as-button" onClick={() => store.getState().clearSearch()}>
        {t.t('clearSearchAndFilters')}
      </button>
    </div>
  );
}
