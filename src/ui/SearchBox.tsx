import { useId, type RefObject } from 'react';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { SearchIcon } from './icons.tsx';
import { useTranslator } from './useTranslator.ts';

/**
 * The search field. It writes every keystroke to the store (so the field is the store's state and
 * survives closing); the search follows once typing pauses (useSettledSearch). ArrowDown moves
 * into the results.
 */
export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const text = useSelector((s) => s.text);
  const id = useId();
  return (
    <div className="as-search" role="search">
      <label htmlFor={id} className="as-search-icon">
        <SearchIcon />
        <span className="as-visually-hidden">{t.t('searchLabel')}</span>
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="as-input as-search-input"
        placeholder={t.t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => store.getState().setText(event.target.value)}
        onKeyDown={(event) => {
          // ArrowDown goes into the results (their active cell), when there are results to go to.
          if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
          if (!event.currentTarget.closest('.as-layout')?.querySelector('[role="gridcell"]')) return;
          event.preventDefault();
          store.getState().requestFocus('grid');
        }}
      />
    </div>
  );
}
