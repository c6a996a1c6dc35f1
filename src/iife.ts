/**
 * The script-tag build: `window.AssetSelector = { mount, defineAssetSelectorElement, version, … }`,
 * with React inside, and `<asset-selector>` defined as soon as the script runs.
 */
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { ADVANCED_FIELDS, emptyAdvancedQuery, newAdvancedGroup, newAdvancedRow } from './core/advancedQuery.ts';
import { buildDeliveryUrl, seoNameFor } from './core/deliveryUrl.ts';
import { defineAssetSelectorElement } from './embed/assetSelectorElement.ts';
import { extendCatalog } from './i18n/catalogs.ts';
import { useSelector, useSelectorStore } from './store/useSelectorStore.ts';
import { formatLabel } from './ui/assetLabels.ts';
import { EXTRAS_RUNTIME } from './ui/extras/extrasRuntime.ts';
import { searchRequestFor } from './ui/searchRequestFor.ts';
import { ErrorState } from './ui/ErrorState.tsx';
import { CloseIcon } from './ui/icons.tsx';
import { useRepositoryClient } from './ui/useRepositoryClient.ts';
import { useTranslator } from './ui/useTranslator.ts';

export { mount } from './embed/mount.ts';
export { defineAssetSelectorElement };
export { SelectorError } from './core/selectorError.ts';

/** The package version this bundle was built from. */
export const version: string = __ASSET_SELECTOR_VERSION__;

defineAssetSelectorElement();

// What asset-selector.extras.js shares with this script (keys and names: SHARED_WITH_EXTRAS).
(globalThis as unknown as Record<symbol, unknown>)[EXTRAS_RUNTIME] = {
  react: React,
  'react/jsx-runtime': jsxRuntime,
  '@tanstack/react-query': { useQuery },
  'ui/icons.tsx': { CloseIcon },
  'ui/ErrorState.tsx': { ErrorState },
  'ui/assetLabels.ts': { formatLabel },
  'ui/useRepositoryClient.ts': { useRepositoryClient },
  'ui/useTranslator.ts': { useTranslator },
  'ui/searchRequestFor.ts': { searchRequestFor },
  'core/deliveryUrl.ts': { buildDeliveryUrl, seoNameFor },
  'core/advancedQuery.ts': { ADVANCED_FIELDS, emptyAdvancedQuery, newAdvancedGroup, newAdvancedRow },
  'store/useSelectorStore.ts': { useSelector, useSelectorStore },
  'i18n/catalogs.ts': { extendCatalog },
};
