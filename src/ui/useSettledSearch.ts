import { useEffect } from 'react';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';

/** How long typing must pause before a search runs. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * Makes the typed text and the edited advanced query the search once they have stopped changing
 * for a moment (the store's `settleSearch`), so each keystroke is not a request.
 */
export function useSettledSearch(): void {
  const store = useSelectorStore();
  const text = useSelector((s) => s.text);
  const advanced = useSelector((s) => s.advanced);
  useEffect(() => {
    const { settled } = store.getState();
    if (settled.text === text && settled.advanced === advanced) return;
    const timer = setTimeout(() => store.getState().settleSearch(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, text, advanced]);
}
