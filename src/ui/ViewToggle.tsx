import type { ReactNode } from 'react';
import type { ViewMode } from '../store/createSelectorStore.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { GridIcon, ListIcon } from './icons.tsx';
import { useRovingTabStop } from './useRovingTabStop.ts';
import { useTranslator } from './useTranslator.ts';

const MODES: readonly ViewMode[] = ['grid', 'list'];

/** Grid or list: two toggle buttons, the current one pressed; a toolbar, so one tab stop with arrow keys. */
export function ViewToggle() {
  const store = useSelectorStore();
  const t = useTranslator();
  const view = useSelector((s) => s.view);
  const roving = useRovingTabStop(MODES.length, MODES.indexOf(view));
  const button = (mode: ViewMode, label: string, icon: ReactNode) => (
    <button
      {...roving.itemProps(MODES.indexOf(mode))}
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
    <div className="as-segmented" role="toolbar" aria-label={t.t('view')} onKeyDown={roving.onKeyDown}>
      {button('grid', t.t('gridView'), <GridIcon />)}
      {button('list', t.t('listView'), <ListIcon />)}
    </div>
  );
}
