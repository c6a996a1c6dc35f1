import { beforeAll, describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { loadMessages } from '../../src/i18n/catalogs.ts';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { messageReference } from '../../src/i18n/messageReference.ts';

const repository = 'http://127.0.0.1:4010';
const check = (messages: unknown) => () => validateOptions({ repository, messages }, { catalog: messageReference });

beforeAll(() => loadMessages('de'));

describe('the messages option is checked', () => {
  it('accepts overrides of known keys, a string for a plural message, and locales without a catalog', () => {
    expect(check({ de: { select: 'Übernehmen' }, 'de-CH': { cancel: 'Zurück' }, it: { cancel: 'Annulla', removeAsset: 'Rimuovi {title}' } })).not.toThrow();
    expect(check({ en: { selectCount: 'Use {count}' } })).not.toThrow();
  });

  it('an unknown key is a TypeError naming it and its locale', () => {
    expect(check({ de: { select: 'Übernehmen', selekt: 'x', cancle: 'y' } })).toThrow(new TypeError('asset-selector: option "messages.de" names unknown message keys: selekt, cancle'));
  });

  it('an override that drops a placeholder of the original is a TypeError naming the key', () => {
    expect(check({ fr: { removeAsset: 'Retirer' } })).toThrow(new TypeError('asset-selector: option "messages.fr.removeAsset" must keep the placeholders of the original: {title}'));
    expect(check({ en: { editorPosition: 'Image' } })).toThrow(/"messages\.en\.editorPosition" must keep the placeholders of the original: \{n\}, \{count\}/);
    expect(check({ en: { selectCount: 'Use them' } })).toThrow(/"messages\.en\.selectCount" must keep the placeholders of the original: \{count\}/);
  });

  it('a placeholder the message has no value for is a TypeError', () => {
    expect(check({ en: { select: 'Select {count}' } })).toThrow(/"messages\.en\.select" has placeholders the message has no value for: \{count\}/);
  });

  it('a wrong shape or an invalid locale tag is a TypeError naming messages', () => {
    expect(check('de')).toThrow(/option "messages" must be an object/);
    expect(check({ de: 'Übernehmen' })).toThrow(/option "messages\.de" must be an object/);
    expect(check({ de: { select: 42 } })).toThrow(/option "messages\.de\.select" must be a string/);
    expect(check({ 'not a tag!': { select: 'x' } })).toThrow(/option "messages\.not a tag!" names no locale/);
    expect(check({ en: { selectCount: { one: 'Use it', other: 'Use {count}' } } })).toThrow(/option "messages\.en\.selectCount" must be a string/);
  });
});

describe('overrides in the translator', () => {
  it('win over the catalog for their language, the exact tag over the language', () => {
    const overrides = { de: { select: 'Übernehmen', cancel: 'Schließen' }, 'de-CH': { cancel: 'Zurück' } };
    const de = createTranslator('de-DE', overrides);
    expect(de.t('select')).toBe('Übernehmen');
    expect(de.t('cancel')).toBe('Schließen');
    expect(de.t('clearAll')).toBe(createTranslator('de-DE').t('clearAll'));
    expect(createTranslator('de-CH', overrides).t('cancel')).toBe('Zurück');
    expect(createTranslator('en-US', overrides).t('select')).toBe('Select');
  });

  it('fill a language without a catalog over the English fallback, with its numbers', () => {
    const it_ = createTranslator('it-IT', { it: { removeAsset: 'Rimuovi {title}', resultsFound: 'Risultati: {count}' } });
    expect(it_.t('removeAsset', { title: 'Aquilone' })).toBe('Rimuovi Aquilone');
    expect(it_.plural('resultsFound', 1)).toBe('Risultati: 1');
    expect(it_.plural('resultsFound', 12345)).toBe('Risultati: 12.345');
    expect(it_.t('cancel')).toBe('Cancel');
  });
});
