import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { SearchRequest } from '../core/types.ts';
import { useSelector } from '../store/useSelectorStore.ts';
import { searchRequestFor, type SearchInputs } from './searchRequestFor.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';

/** How long typing must pause before a search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface SearchRequestValue {
  /** The first-page request: what the results show. */
  request: SearchRequest;
  /** The (debounced) search text the request was built from. */
  text: string;
  /** Everything the request was built from (for variants of it, such as a group's own facet). */
  inputs: SearchInputs;
}

const SearchRequestContext = createContext<SearchRequestValue | null>(null);

/**
 * Builds the search request once for the whole selector, from the store, with the search text
 * (and advanced query edits) debounced. Every reader sees the same request, and only a settled
 * change re-renders them, not each keystroke.
 */
export function SearchRequestProvider({ children }: { children: ReactNode }) {
  const text = useDebouncedValue(useSelector((s) => s.text), SEARCH_DEBOUNCE_MS);
  const advanced = useDebouncedValue(useSelector((s) => s.advanced), SEARCH_DEBOUNCE_MS);
  const filters = useSelector((s) => s.filters);
  const sort = useSelector((s) => s.sort);
  const scope = useSelector((s) => s.options.query);
  const groups = useSelector((s) => s.options.filters);
  const value = useMemo(() => {
    const inputs: SearchInputs = { text, filters, sort, advanced, scope, groups };
    return { text: text.trim(), inputs, request: searchRequestFor(inputs) };
  }, [text, filters, sort, advanced, scope, groups]);
  return <SearchRequestContext.Provider value={value}>{children}</SearchRequestContext.Provider>;
}

export function useSearchRequest(): SearchRequestValue {
  const value = useContext(SearchRequestContext);
  if (!value) throw new Error('asset-selector: useSearchRequest needs SearchRequestProvider');
  return value;
}
