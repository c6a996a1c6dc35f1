import { createContext, useContext, useSyncExternalStore } from 'react';
import { catalogVersion, subscribeToCatalogs } from '../i18n/catalogs.ts';
import { createTranslator, prepareLocale, type MessageOverrides, type Translator } from '../i18n/createTranslator.ts';
import { useSelector } from './useSelectorStore.ts';

const NO_OVERRIDES: MessageOverrides = {};

// A page's first number format costs tens of milliseconds (createTranslator.ts): made while the
// page is idle after this script loads, it is ready before a selector mounted later shows a count.
if (typeof requestIdleCallback === 'function' && typeof navigator !== 'undefined') requestIdleCallback(() => prepareLocale(navigator.language));
const translators = new WeakMap<MessageOverrides, Map<string, Translator>>();

/** The translator for a locale and `messages` option, made once per catalog set (Intl formatters are not cheap to build). */
function translatorFor(locale: string, overrides: MessageOverrides, version = catalogVersion()): Translator {
  let made = translators.get(overrides);
  if (!made) {
    made = new Map();
    translators.set(overrides, made);
  }
  const key = `${locale}|${version}`;
  let translator = made.get(key);
  if (!translator) {
    translator = createTranslator(locale, overrides);
    made.set(key, translator);
  }
  return translator;
}

/** The selector's translator, given by SelectorRoot to everything under it (useTranslator). */
export const TranslatorContext = createContext<Translator | null>(null);

/**
 * The translator for the selector's `locale` and `messages` options; re-renders when a catalog
 * arrives (script-tag build). SelectorRoot subscribes once and provides it: a card reads a
 * context instead of keeping three subscriptions of its own, which add up over a window of rows.
 */
export function useOwnTranslator(): Translator {
  const version = useSyncExternalStore(subscribeToCatalogs, catalogVersion, catalogVersion);
  const overrides = useSelector((s) => s.options.messages) as MessageOverrides | undefined;
  return translatorFor(useSelector((s) => s.options.locale), overrides ?? NO_OVERRIDES, version);
}

/** The selector's translator (SelectorRoot provides it). */
export function useTranslator(): Translator {
  return useContext(TranslatorContext)!;
}
