/**
 * The script-tag build is the ESM build with these modules swapped, by path under src/: each
 * variant here stands in for the module it names, with the same exports, and follows that module's
 * layer (build/checkLayers.ts). vite.config.ts applies the swaps to the IIFE build.
 * - The stylesheet is linked from beside the script, not carried in it (and holds the lazy parts' styles).
 * - Message catalogs other than English are JSON files beside the script.
 * - The lazy parts (both editors) are one second script beside it, `asset-selector.editors.js`.
 * - hls.js (for the video player where the browser has no HLS) is a file beside it, `asset-selector.hls.js`.
 */
export const SCRIPT_TAG_VARIANTS: Readonly<Record<string, string>> = {
  'ui/applyStylesheet.ts': 'scriptTag/applyStylesheet.ts',
  'ui/editor/injectEditorStyles.ts': 'scriptTag/linkedPartStyles.ts',
  'ui/injectAdvancedQueryStyles.ts': 'scriptTag/linkedPartStyles.ts',
  'i18n/catalogLoaders.ts': 'scriptTag/catalogLoaders.ts',
  'ui/lazyParts.ts': 'scriptTag/lazyParts.ts',
  'ui/video/loadHls.ts': 'scriptTag/loadHls.ts',
};
