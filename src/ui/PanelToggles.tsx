import { useSelector, useSelectorStore } from '../store/useSelectorStore.ts';
import { FilterIcon, QueryIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/** Shows or hides the filter panel. */
export function FiltersToggle({ open, controls }: { open: boolean; controls: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const active = useSelector((s) => Object.keys(s.filters).length);
  return (
    <button
      type="button"
      className="as-button as-button-quiet as-toggle"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      data-state={open ? 'open' : 'closed'}
      onClick={() => store.getState().setFiltersOpen(!open)}
    >
      <FilterIcon />
      <span>{t.t('filters')}</span>
      {active > 0 && <span className="as-badge" aria-hidden="true">{active}</span>}
    </button>
  );
}

/** Shows or hides the advanced query editor. */
export function AdvancedToggle({ open, controls }: { open: boolean; controls: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  return (
    <button
      type="button"
      className="as-button as-button-quiet as-toggle"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      data-state={open ? 'open' : 'closed'}
      onClick={() => store.getState().setAdvancedOpen(!open)}
    >
      <QueryIcon />
      <span>{t.t('advancedToggle')}</span>
    </button>
  );
}
