import { languageOf } from '../i18n/createTranslator.ts';

/** Languages written right to left (of the catalogs, Arabic; the others for a host's own locale). */
const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur'];

/** The `dir` of a selector in `locale`: the root gets it, and the layout's logical properties follow. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.includes(languageOf(locale)) ? 'rtl' : 'ltr';
}
