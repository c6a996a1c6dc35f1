import type { ReactNode } from 'react';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { CollectionIcon, FilterIcon, QueryIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

interface PanelToggleProps {
  open: boolean;
  /** The id of the panel it shows and hides. */
  controls: string;
  icon: ReactNode;
  label: string;
  /** A count shown beside the label (decorative: the panel says the same in words). */
  badge?: number;
  onToggle(open: boolean): void;
}

/** A toolbar button that shows or hides a panel, with its expanded state for assistive technology. */
function PanelToggle({ open, controls, icon, label, badge = 0, onToggle }: PanelToggleProps) {
  return (
    <button
      type="button"
      className="as-button as-button-quiet as-toggle"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      data-state={open ? 'open' : 'closed'}
      onClick={() => onToggle(!open)}
    >
      {icon}
      <span>{label}</span>
      {badge > 0 && <span className="as-badge" aria-hidden="true">{badge}</span>}
    </button>
  );
}

/** Shows or hides the filter panel; the badge counts the active filter groups. */
export function FiltersToggle({ open, controls }: { open: boolean; controls: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const active = useSelector((s) => Object.keys(s.filters).length);
  return <PanelToggle open={open} controls={controls} icon={<FilterIcon />} label={t.t('filters')} badge={active} onToggle={(next) => store.getState().setFiltersOpen(next)} />;
}

/** Shows or hides the advanced query editor. */
export function AdvancedToggle({ open, controls }: { open: boolean; controls: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  return <PanelToggle open={open} controls={controls} icon={<QueryIcon />} label={t.t('advancedToggle')} onToggle={(next) => store.getState().setAdvancedOpen(next)} />;
}

/** Shows or hides the Collections view (its list, in place of the results). */
export function CollectionsToggle({ open, controls }: { open: boolean; controls: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  return <PanelToggle open={open} controls={controls} icon={<CollectionIcon />} label={t.t('collections')} onToggle={(next) => store.getState().setCollectionsOpen(next)} />;
}
