import { catalogFor as bundledCatalog } from './catalogs.ts';
import { fallbackFormatName, formatNameKey } from './formatNames.ts';
import type { MessageKey, Messages, PluralMessage } from './messages.en.ts';

type MessageParams = Record<string, string | number>;

/** The `messages` option: single strings per locale tag, over the catalogs (a string for a plural message is all its forms). */
export type MessageOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Everything the selector shows that depends on the language: messages, and numbers, sizes,
 * dates, counts and format names through `Intl`. The one formatting module; nothing else formats.
 */
export interface Translator {
  /** The BCP 47 tag numbers and dates are formatted for. */
  readonly locale: string;
  /** The message with `{name}` replaced; numbers are formatted for the locale. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A plural message; its form is chosen by `count` (also available to it as `{count}`). */
  plural(key: MessageKey, count: number, params?: MessageParams): string;
  number(value: number): string;
  /** A byte count in B, kB, MB or GB (decimal units, as file managers show them). */
  bytes(value: number): string;
  /** A unit's short name as the locale writes it beside a number (`megabyte` → `MB`). */
  unitName(unit: 'megabyte'): string;
  /** An ISO-8601 date-time as a medium date; anything unparsable is returned as is. */
  date(iso: string): string;
  /** A MIME type's format as people say it: `image/jpeg` → `JPEG`, `video/mp4` → `MP4 video` (formatNames.ts). */
  formatName(mimeType: string): string;
}

/** The language part of a locale tag (`de-CH` → `de`); invalid tags count as English (validateOptions rejects them earlier). */
export function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return 'en';
  }
}

function catalogFor(locale: string): Partial<Messages> {
  return bundledCatalog(languageOf(locale)) ?? bundledCatalog('en')!;
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The locale's number format, one per page and tag: the first `Intl.NumberFormat` a page makes
 * costs 35–50 ms in Chromium (ICU's data is loaded then), the others a few.
 */
function numberFormatFor(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format;
}

/** Makes `locale`'s number format now (see numberFormatFor), e.g. while the page is idle, so the first results do not wait for it. */
export function prepareLocale(locale: string): void {
  numberFormatFor(safeLocale(locale));
}

/** The overrides for a tag: those for its language, then those for the exact tag over them (`de`, then `de-CH`). */
function overridesFor(tag: string, overrides: MessageOverrides | undefined): Readonly<Record<string, string>> {
  if (!overrides) return {};
  const language = languageOf(tag);
  let forLanguage: Record<string, string> = {};
  let forTag: Record<string, string> = {};
  for (const [locale, messages] of Object.entries(overrides)) {
    const canonical = safeLocale(locale);
    if (canonical === tag) forTag = { ...forTag, ...messages };
    else if (canonical === language) forLanguage = { ...forLanguage, ...messages };
  }
  return { ...forLanguage, ...forTag };
}

/**
 * A small translator over the catalogs there are (English and CATALOG_LANGUAGES; other languages
 * fall back to English) and the host's `messages` overrides, which win over both.
 */
export function createTranslator(locale: string, overrides?: MessageOverrides): Translator {
  const tag = safeLocale(locale);
  const messages = catalogFor(tag);
  // English fills gaps: a catalog fetched from elsewhere (a JSON file of another version) may lack a
  // key. English itself gets a part's messages when the part loads; until then its keys show as themselves.
  const english = bundledCatalog('en')!;
  const own = overridesFor(tag, overrides);
  const lookup = (key: MessageKey): string | PluralMessage => (Object.hasOwn(own, key) ? own[key]! : (messages[key] ?? english[key] ?? key));
  // Made on first use: a screen without a date never builds a date format.
  const numbers = once(() => numberFormatFor(tag));
  const plurals = once(() => new Intl.PluralRules(tag));
  const dates = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }));
  const units = new Map<string, Intl.NumberFormat>();
  const unitFormat = (unit: string) => {
    let format = units.get(unit);
    if (!format) {
      format = new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 });
      units.set(unit, format);
    }
    return format;
  };

  // Most messages have no placeholder: returned as they are, without a pass of the pattern.
  const interpolate = (text: string, params: MessageParams = {}) =>
    !text.includes('{') ? text : text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers().format(value) : value;
    });

  const pick = (message: string | PluralMessage, count: number): string => {
    if (typeof message === 'string') return message;
    const form = plurals().select(count) as keyof PluralMessage;
    return message[form] ?? message.other;
  };

  const t = (key: MessageKey, params?: MessageParams) => {
    const message = lookup(key);
    const count = typeof params?.count === 'number' ? params.count : 0;
    return interpolate(pick(message, count), params);
  };

  return {
    locale: tag,
    t,
    plural: (key, count, params) => interpolate(pick(lookup(key), count), { count, ...params }),
    number: (value) => numbers().format(value),
    bytes: (value) => {
      if (!Number.isFinite(value)) return '';
      if (value < 1000) return unitFormat('byte').format(value);
      if (value < 1e6) return unitFormat('kilobyte').format(value / 1e3);
      if (value < 1e9) return unitFormat('megabyte').format(value / 1e6);
      return unitFormat('gigabyte').format(value / 1e9);
    },
    unitName: (unit) =>
      unitFormat(unit)
        .formatToParts(1)
        .filter((part) => part.type === 'unit')
        .map((part) => part.value)
        .join(''),
    date: (iso) => {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : dates().format(time);
    },
    formatName: (mimeType) => {
      const key = formatNameKey(mimeType);
      return Object.hasOwn(english, key) ? t(key) : fallbackFormatName(mimeType);
    },
  };
}
