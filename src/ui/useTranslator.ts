import { useSyncExternalStore } from 'react';
import { catalogVersion, subscribeToCatalogs } from '../i18n/catalogs.ts';
import { createTranslator, type Translator } from '../i18n/createTranslator.ts';
import { useSelector } from './useSelectorStore.ts';

const translators = new Map<string, Translator>();

/** The translator for a locale, made once per catalog set (Intl formatters are not cheap to build). */
function translatorFor(locale: string, version = catalogVersion()): Translator {
  const key = `${locale}|${version}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(key, translator);
  }
  return translator;
}

/** The translator for the selector's `locale` option; re-renders when a catalog arrives (script-tag build). */
export function useTranslator(): Translator {
  const version = useSyncExternalStore(subscribeToCatalogs, catalogVersion, catalogVersion);
  return translatorFor(useSelector((s) => s.options.locale), version);
}
