import type { ReactNode } from 'react';
import type { ViewMode } from '../store/createSelectorStore.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { GridIcon, ListIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/** Grid or list: two toggle buttons, the current one pressed. */
export function ViewToggle() {
  const store = useSelectorStore();
  const t = useTranslator();
  const view = useSelector((s) => s.view);
  const button = (mode: ViewMode, label: string, icon: ReactNode) => (
    <button
      type="button"
      className="as-button as-button-icon"
      aria-pressed={view === mode}
      data-state={view === mode ? 'on' : 'off'}
      aria-label={label}
      title={label}
      onClick={() => store.getState().setView(mode)}
    >
      {icon}
    </button>
  );
  return (
    <div className="as-segmented" role="group" aria-label={t.t('view')}>
      {button('grid', t.t('gridView'), <GridIcon />)}
      {button('list', t.t('listView'), <ListIcon />)}
    </div>
  );
}
