/** The browser's language when there is a browser, else `en-US` (used when the `locale` option is missing). */
export function defaultLocale(): string {
  const language = typeof navigator === 'undefined' ? undefined : navigator.language;
  if (!language) return 'en-US';
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
