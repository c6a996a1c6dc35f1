import { useSyncExternalStore } from 'react';
import { catalogVersion, loadMessages, subscribeToCatalogs } from '../i18n/catalogs.ts';
import { languageOf } from '../i18n/createTranslator.ts';

/**
 * Whether the messages for `locale` are here, starting their load when they are not. A selector
 * waits for them rather than showing one frame in English.
 */
export function useCatalogReady(locale: string): boolean {
  useSyncExternalStore(subscribeToCatalogs, catalogVersion, catalogVersion);
  return loadMessages(languageOf(locale)) === undefined;
}
