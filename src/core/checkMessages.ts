/** A catalog to check overrides against: every key, each a string or plural forms. */
export type ReferenceCatalog = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

const placeholdersOf = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value !== 'function';

/**
 * Checks the `messages` option: `{ [locale]: { [key]: string } }` over the catalog `reference`
 * (the English one). Any valid BCP 47 tag may be a locale, also one without a catalog (its strings
 * then replace the English fallback: how a host adds a language). A key the catalog lacks, or an
 * override that drops or invents a `{placeholder}`, is a TypeError naming it. Plural messages
 * take a string or their forms (`{ one, other }`).
 */
export function checkMessages(value: unknown, reference: ReferenceCatalog | undefined): void {
  const fail = (where: string, problem: string): never => {
    throw new TypeError(`asset-selector: option "messages${where}" ${problem}`);
  };
  if (!isPlainObject(value)) fail('', 'must be an object of locales, each an object of message overrides such as { de: { select: "Übernehmen" } }');
  for (const [locale, overrides] of Object.entries(value as Record<string, unknown>)) {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      fail(`.${locale}`, "names no locale: each key must be a BCP 47 language tag such as 'de' or 'de-CH'");
    }
    if (!isPlainObject(overrides)) fail(`.${locale}`, 'must be an object of message overrides');
    const entries = Object.entries(overrides as Record<string, unknown>);
    if (!reference) continue;
    const unknown = entries.filter(([key]) => !Object.hasOwn(reference, key)).map(([key]) => key);
    if (unknown.length > 0) fail(`.${locale}`, `names unknown message keys: ${unknown.join(', ')}`);
    for (const [key, text] of entries) {
      const original = reference[key]!;
      const expected = new Set(typeof original === 'string' ? placeholdersOf(original) : Object.values(original).flatMap((form) => [...placeholdersOf(form)]));
      const forms: Array<[string, unknown]> = typeof text === 'string' || typeof original === 'string' ? [['', text]] : isPlainObject(text) ? Object.entries(text) : [['', text]];
      if (typeof original !== 'string' && isPlainObject(text) && typeof text.other !== 'string') fail(`.${locale}.${key}`, 'needs an `other` form');
      for (const [form, message] of forms) {
        const where = `.${locale}.${key}${form ? `.${form}` : ''}`;
        if (form && !PLURAL_FORMS.has(form)) fail(where, `is not a plural form (${[...PLURAL_FORMS].join(', ')})`);
        if (typeof message !== 'string') fail(where, typeof original === 'string' ? 'must be a string' : 'must be a string or plural forms such as { one: "…", other: "…" }');
        const found = placeholdersOf(message as string);
        // A plural form that stands for one number may spell it out ("Select one"); `other` may not.
        const missing = [...expected].filter((name) => !found.has(name) && !(name === 'count' && form !== '' && form !== 'other'));
        if (missing.length > 0) fail(where, `must keep the placeholder${missing.length > 1 ? 's' : ''} ${missing.map((n) => `{${n}}`).join(', ')} of the original`);
        const extra = [...found].filter((name) => !expected.has(name));
        if (extra.length > 0) fail(where, `has placeholders the message has no value for: ${extra.map((n) => `{${n}}`).join(', ')}`);
      }
    }
  }
}
