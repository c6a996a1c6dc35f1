import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_LANGUAGES } from '../../src/i18n/catalogLanguages.ts';
import { loadMessages } from '../../src/i18n/catalogs.ts';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { messagesAr } from '../../src/i18n/messages.ar.ts';
import { messagesDe } from '../../src/i18n/messages.de.ts';
import type { MessageKey, Messages, PluralMessage } from '../../src/i18n/messages.en.ts';
import { messagesEs } from '../../src/i18n/messages.es.ts';
import { messagesFr } from '../../src/i18n/messages.fr.ts';
import { messagesJa } from '../../src/i18n/messages.ja.ts';
import { englishCatalog } from './englishCatalog.ts';

type Message = string | PluralMessage;

const english: Readonly<Record<string, Message>> = englishCatalog;
const catalogs: Readonly<Record<string, Messages>> = { de: messagesDe, fr: messagesFr, es: messagesEs, ja: messagesJa, ar: messagesAr };

/**
 * Keys whose value may equal the English one: words the language shares with English. Anything
 * else that reads as English is an untranslated string. Only labels of one or two words qualify.
 */
const sameAsEnglish: Readonly<Record<string, readonly MessageKey[]>> = {
  de: ['assets', 'unit.px', 'filterGroup.format', 'kind.video', 'details', 'field.format', 'sort.name.asc', 'sort.name.desc', 'mod.format', 'mod.radius', 'flip.h', 'advancedOperator', 'foldersRoot'],
  fr: [
    'filterGroup.kind',
    'filterGroup.format',
    'kind.image',
    'kind.document',
    'kindName.image',
    'kindName.document',
    'field.description',
    'field.dimensions',
    'field.format',
    'condition',
    'mod.format',
    'mod.monochrome',
    'flip.h',
    'flip.v',
    'editorOrientation',
    'unit.px',
    'advField.description',
    'collections',
  ],
  es: ['flip.h', 'flip.v', 'unit.px'],
  ja: [],
  ar: [],
};

/** A script every message with letters in it must use (Latin-script languages are checked against English instead). */
const nativeScript: Readonly<Record<string, RegExp>> = {
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  ar: /\p{Script=Arabic}/u,
};

/**
 * A format's own name ("JPEG", "WebP", "PostScript": one word in the formats' vocabulary) is
 * written so in every language and script; descriptive names ("MP4 video") are translated.
 */
const isFormatsOwnName = (key: string) => key.startsWith('format.') && !/\s/.test(String(english[key]));

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const withoutPlaceholders = (text: string) => text.replace(/\{\w+\}/g, '');
const hasLetters = (text: string) => /\p{L}/u.test(withoutPlaceholders(text));
const forms = (message: Message): Array<[string, string]> => (typeof message === 'string' ? [['', message]] : Object.entries(message));
const texts = (catalog: Messages): Array<[string, string]> =>
  Object.entries(catalog as Record<string, Message>).flatMap(([key, message]) => forms(message).map(([form, text]): [string, string] => [form ? `${key}.${form}` : key, text]));

/**
 * A plural form may spell its number in words («أصلين») only when it stands for exactly one
 * number: Arabic zero, one and two do; French `one` does not (it is 0 and 1).
 */
function standsForOneNumber(language: string, category: string): boolean {
  const rules = new Intl.PluralRules(language);
  let numbers = 0;
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) numbers++;
  return numbers === 1;
}

describe.each(Object.keys(catalogs))('the %s catalog', (language) => {
  const catalog = catalogs[language] as Record<string, Message>;

  it('has exactly the English keys, each a plain or plural message as in English', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    const shapeMismatches = Object.keys(english).filter((key) => typeof catalog[key] !== typeof english[key]);
    expect(shapeMismatches).toEqual([]);
  });

  it('keeps every placeholder of the English message and adds none', () => {
    const problems: string[] = [];
    for (const [key, englishMessage] of Object.entries(english)) {
      const message = catalog[key] ?? '';
      const expected = new Set(forms(englishMessage).flatMap(([, text]) => [...placeholders(text)]));
      for (const [form, text] of forms(message)) {
        const found = placeholders(text);
        const where = form ? `${key}.${form}` : key;
        for (const name of found) if (!expected.has(name)) problems.push(`${where}: unknown {${name}}`);
        for (const name of expected) {
          const mayOmit = name === 'count' && form !== '' && standsForOneNumber(language, form);
          if (!found.has(name) && !mayOmit) problems.push(`${where}: missing {${name}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives plural messages exactly the forms the language’s plural rules use', () => {
    const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    const plurals = Object.entries(catalog).filter(([, message]) => typeof message !== 'string');
    expect(plurals.length).toBeGreaterThan(0);
    for (const [key, message] of plurals) expect(Object.keys(message).sort(), key).toEqual(categories);
  });

  it('has no empty, padded or bidi-controlled text', () => {
    const bad = texts(catalog as Messages).filter(([, text]) => text.trim() === '' || text !== text.trim() || /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text));
    expect(bad).toEqual([]);
  });

  it('translates everything but the words the language shares with English', () => {
    const allowed = new Set<string>(sameAsEnglish[language]);
    const untranslated: string[] = [];
    for (const [key, englishMessage] of Object.entries(english)) {
      const englishForms = new Map(forms(englishMessage));
      for (const [form, text] of forms(catalog[key] ?? '')) {
        const englishText = englishForms.get(form) ?? englishForms.get('other');
        if (text === englishText && hasLetters(text) && !allowed.has(key) && !isFormatsOwnName(key)) untranslated.push(form ? `${key}.${form}` : key);
      }
    }
    expect(untranslated).toEqual([]);
    // The allowance is for words really shared (not a stale entry), never for a sentence left in English.
    for (const key of allowed) {
      expect(catalog[key], key).toBe(english[key]);
      expect(String(english[key]).split(/\s+/).length, key).toBeLessThanOrEqual(2);
    }
    const script = nativeScript[language];
    if (script) {
      const foreign = texts(catalog as Messages).filter(([key, text]) => hasLetters(text) && !script.test(text) && !isFormatsOwnName(key));
      expect(foreign).toEqual([]);
    }
  });
});

describe('typography', () => {
  const all = (catalog: Messages) => texts(catalog).map(([key, text]): [string, string] => [key, withoutPlaceholders(text)]);

  it('French: a narrow no-break space before : ; ? ! % and inside « », the apostrophe ’', () => {
    const bad = all(messagesFr).filter(([, text]) => /[^\u202f][:;?!%»]|«[^\u202f]|['"]|\.\.\./.test(text));
    expect(bad).toEqual([]);
  });

  it('German: an ellipsis after a whole word, bound to it by a no-break space', () => {
    const bad = all(messagesDe).filter(([, text]) => /[^\u00a0]…|\.\.\./.test(text));
    expect(bad).toEqual([]);
  });

  it('Spanish: «» quotes and a no-break space before %', () => {
    const bad = all(messagesEs).filter(([, text]) => /[^\u00a0]%|["“”]|\.\.\./.test(text));
    expect(bad).toEqual([]);
  });

  it('Japanese: full-width punctuation and 「」 quotes', () => {
    const bad = all(messagesJa).filter(([, text]) => /[,.:;?!()"“”]/.test(text));
    expect(bad).toEqual([]);
  });

  it('Arabic: the Arabic comma, semicolon and question mark', () => {
    const bad = all(messagesAr).filter(([, text]) => /[,;?"“”]|\.\.\./.test(text));
    expect(bad).toEqual([]);
  });
});

it('every catalog here has a loader, and every loader a catalog here', () => {
  expect([...CATALOG_LANGUAGES].sort()).toEqual(Object.keys(catalogs).sort());
});

describe('plural forms through createTranslator', () => {
  // Through the loaders, as the selector loads them on first use.
  beforeAll(async () => {
    await Promise.all(CATALOG_LANGUAGES.map((language) => loadMessages(language)));
  });

  it('speaks Arabic with all six plural forms', () => {
    const ar = createTranslator('ar');
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(ar.plural('resultsFound', 0)).toBe('لم يُعثر على أي أصل');
    expect(ar.plural('resultsFound', 1)).toBe('تم العثور على أصل واحد');
    expect(ar.plural('resultsFound', 2)).toBe('تم العثور على أصلين');
    expect(ar.plural('resultsFound', 3)).toBe(`تم العثور على ${n(3)} أصول`);
    expect(ar.plural('resultsFound', 11)).toBe(`تم العثور على ${n(11)} أصلًا`);
    expect(ar.plural('resultsFound', 100)).toBe(`تم العثور على ${n(100)} أصل`);
    expect(ar.plural('resultsFound', 103)).toBe(`تم العثور على ${n(103)} أصول`);
    expect(ar.plural('selectCount', 2)).toBe('اختيار أصلين');
    expect(ar.t('cancel')).toBe('إلغاء');
  });

  it('speaks French and Spanish, with `one` for 0 in French and `many` for millions', () => {
    const fr = createTranslator('fr-FR');
    expect(fr.plural('resultsFound', 0)).toBe('0 ressource trouvée');
    expect(fr.plural('resultsFound', 1)).toBe('1 ressource trouvée');
    expect(fr.plural('resultsFound', 12345)).toBe('12\u202f345 ressources trouvées');
    expect(fr.plural('resultsFound', 2_000_000)).toBe('2\u202f000\u202f000 de ressources trouvées');
    expect(fr.t('cancel')).toBe('Annuler');

    const es = createTranslator('es-ES');
    expect(es.plural('resultsFound', 0)).toBe('0 recursos encontrados');
    expect(es.plural('resultsFound', 1)).toBe('1 recurso encontrado');
    expect(es.plural('resultsFound', 1_000_000)).toBe('1.000.000 de recursos encontrados');
    expect(es.t('select')).toBe('Seleccionar');
  });

  it('speaks Japanese with its single form', () => {
    const ja = createTranslator('ja-JP');
    expect(ja.plural('resultsFound', 1)).toBe('1 件のアセットが見つかりました');
    expect(ja.plural('resultsFound', 12345)).toBe('12,345 件のアセットが見つかりました');
    expect(ja.t('editor')).toBe('画像を編集');
  });
});
