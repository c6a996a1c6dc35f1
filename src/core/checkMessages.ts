/** A catalog to check overrides against: every key, each a string or plural forms (`other` always there). */
export type ReferenceCatalog = Readonly<Record<string, string | Readonly<{ other: string }>>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the `messages` option, `{ [locale]: { [key]: string } }`, against the catalog `reference`
 * (the English one). Any valid BCP 47 tag may be a locale, also one without a catalog (its strings
 * then replace the English fallback: how a host adds a language). A key the catalog lacks, or an
 * override that drops or invents a `{placeholder}`, is a TypeError naming it. A string for a plural
 * message stands for all its forms, so it keeps the placeholders of its `other` form.
 */
export function checkMessages(value: unknown, reference: ReferenceCatalog | undefined): void {
  const fail = (where: string, problem: string): never => {
    throw new TypeError(`asset-selector: option "messages${where}" ${problem}`);
  };
  if (!isObject(value)) fail('', 'must be an object of locales, each an object of strings, such as { de: { select: "Übernehmen" } }');
  for (const [locale, overrides] of Object.entries(value as object)) {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      fail(`.${locale}`, "names no locale: keys must be BCP 47 tags such as 'de' or 'de-CH'");
    }
    if (!isObject(overrides)) fail(`.${locale}`, 'must be an object of strings');
    const unknown = reference ? Object.keys(overrides).filter((key) => !Object.hasOwn(reference, key)) : [];
    if (unknown.length > 0) fail(`.${locale}`, `names unknown message keys: ${unknown.join(', ')}`);
    for (const [key, text] of Object.entries(overrides)) {
      if (typeof text !== 'string') fail(`.${locale}.${key}`, 'must be a string');
      const original = reference?.[key];
      if (original === undefined) continue;
      const expected = placeholders(typeof original === 'string' ? original : original.other);
      const found = placeholders(text as string);
      const missing = expected.filter((name) => !found.includes(name));
      if (missing.length > 0) fail(`.${locale}.${key}`, `must keep the placeholders of the original: {${missing.join('}, {')}}`);
      const extra = found.filter((name) => !expected.includes(name));
      if (extra.length > 0) fail(`.${locale}.${key}`, `has placeholders the message has no value for: {${extra.join('}, {')}}`);
    }
  }
}
