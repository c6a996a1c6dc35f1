import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { ADVANCED_FIELDS, emptyAdvancedQuery, newAdvancedGroup, newAdvancedRow } from '../../core/advancedQuery.ts';
import { imageUrlFor } from '../../core/imageUrlFor.ts';
import { extendCatalog } from '../../i18n/catalogs.ts';
import { useSelector, useSelectorStore } from '../useSelectorStore.ts';
import { formatLabel } from '../assetLabels.ts';
import { ErrorState } from '../ErrorState.tsx';
import { CloseIcon } from '../icons.tsx';
import { useRepositoryClient } from '../useRepositoryClient.ts';
import { useTranslator } from '../useTranslator.ts';

/**
 * The modules the script-tag build shares with `asset-selector.extras.js`, keyed and named as
 * SHARED_WITH_EXTRAS lists them (a test checks they agree). src/iife.ts publishes this object.
 */
export const extrasRuntimeValues: Record<string, Record<string, unknown>> = {
  react: React,
  'react/jsx-runtime': jsxRuntime,
  '@tanstack/react-query': { useQuery },
  'ui/icons.tsx': { CloseIcon },
  'ui/ErrorState.tsx': { ErrorState },
  'ui/assetLabels.ts': { formatLabel },
  'ui/useRepositoryClient.ts': { useRepositoryClient },
  'ui/useTranslator.ts': { useTranslator },
  'core/imageUrlFor.ts': { imageUrlFor },
  'core/advancedQuery.ts': { ADVANCED_FIELDS, emptyAdvancedQuery, newAdvancedGroup, newAdvancedRow },
  'ui/useSelectorStore.ts': { useSelector, useSelectorStore },
  'i18n/catalogs.ts': { extendCatalog },
};
