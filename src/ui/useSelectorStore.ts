import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SelectorActions, SelectorState, SelectorStore } from '../store/createSelectorStore.ts';

/** The store of the selector being rendered; SelectorRoot provides it. */
export const SelectorStoreContext = createContext<SelectorStore | null>(null);

/** The store itself, for event handlers that read the latest state or call actions. */
export function useSelectorStore(): SelectorStore {
  const store = useContext(SelectorStoreContext);
  if (!store) throw new Error('asset-selector: a component of the selector was rendered outside SelectorRoot');
  return store;
}

/**
 * A slice of the store; the component re-renders only when that slice changes (Object.is), so
 * select primitives or stable references: `useSelector((s) => s.selection.has(id))`.
 */
export function useSelector<T>(selector: (state: SelectorState & SelectorActions) => T): T {
  return useStore(useSelectorStore(), selector);
}
