/**
 * The languages with a catalog besides English (`messages.{language}.ts`): the one list the
 * catalogs' loaders follow, in the ESM build (catalogLoaders.ts, which must name each) and in the
 * script-tag build (a JSON file each beside the script, written by vite.config.ts from those loaders).
 */
export const CATALOG_LANGUAGES = ['de', 'fr', 'es', 'ja', 'ar'] as const;

export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];
