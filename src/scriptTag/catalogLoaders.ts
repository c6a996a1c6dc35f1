import { besideScript } from './besideScript.ts';
import { CATALOG_LANGUAGES, type CatalogLanguage } from '../i18n/catalogLanguages.ts';
import type { Messages } from '../i18n/messages.en.ts';

/** Stands in for i18n/catalogLoaders.ts: the catalogs are JSON files beside the script (`i18n/de.json`…, written by the build). */
const fromBesideScript = (language: string) => async (): Promise<Messages> => {
  const response = await fetch(besideScript(`i18n/${language}.json`));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Messages;
};

export const catalogLoaders = Object.fromEntries(CATALOG_LANGUAGES.map((language) => [language, fromBesideScript(language)])) as Record<
  CatalogLanguage,
  () => Promise<Messages>
>;
