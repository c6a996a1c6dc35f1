import { createTranslator, type Translator } from '../i18n/createTranslator.ts';
import { useSelector } from '../store/useSelectorStore.ts';

const translators = new Map<string, Translator>();

/** The translator for a locale, made once (Intl formatters are not cheap to build). */
export function translatorFor(locale: string): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}

/** The translator for the selector's `locale` option. */
export function useTranslator(): Translator {
  return translatorFor(useSelector((s) => s.options.locale));
}
