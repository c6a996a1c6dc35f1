/**
 * The handshake between the script-tag build and `asset-selector.extras.js`, the file it loads
 * on demand with the parts few sessions use (the image editor, the advanced query editor): the
 * main script publishes the modules the extras share with it (one React, one store binding, …)
 * under EXTRAS_RUNTIME, and the extras file registers its components under EXTRAS_COMPONENTS.
 * Symbols keep both off the public `AssetSelector` global.
 */
export const EXTRAS_RUNTIME = Symbol.for('asset-selector.extras-runtime');
export const EXTRAS_COMPONENTS = Symbol.for('asset-selector.extras');

/**
 * What the extras import from the rest of the selector, by package name or by path under src/,
 * with the names they use. vite.config.ts turns each into a module that reads the runtime;
 * src/iife.ts publishes exactly these.
 */
export const SHARED_WITH_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  react: ['createContext', 'useContext', 'useEffect', 'useId', 'useLayoutEffect', 'useMemo', 'useRef', 'useState'],
  'react/jsx-runtime': ['jsx', 'jsxs', 'Fragment'],
  '@tanstack/react-query': ['useQuery'],
  'ui/icons.tsx': ['CloseIcon'],
  'ui/ErrorState.tsx': ['ErrorState'],
  'ui/assetLabels.ts': ['formatLabel'],
  'ui/useRepositoryClient.ts': ['useRepositoryClient'],
  'ui/useTranslator.ts': ['useTranslator'],
  'core/imageUrlFor.ts': ['imageUrlFor'],
  'core/advancedQuery.ts': ['ADVANCED_FIELDS', 'emptyAdvancedQuery', 'newAdvancedGroup', 'newAdvancedRow'],
  'ui/useSelectorStore.ts': ['useSelector', 'useSelectorStore'],
  'i18n/catalogs.ts': ['extendCatalog'],
};

/** The on-demand components, by name. */
export interface ExtrasComponents {
  ImageEditor: import('react').ComponentType;
  AdvancedQueryEditor: import('react').ComponentType<{ id: string }>;
}
