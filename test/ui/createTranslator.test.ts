import { beforeAll, describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/i18n/catalogs.ts';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { messagesDe } from '../../src/i18n/messages.de.ts';
import { englishCatalog as messagesEn } from '../i18n/englishCatalog.ts';

// German and French are loaded on first use, as in the selector.
beforeAll(() => Promise.all([loadMessages('de'), loadMessages('fr')]));

describe('createTranslator', () => {
  it('interpolates {name} and formats numbers for the locale', () => {
    const en = createTranslator('en-US');
    expect(en.t('removeAsset', { title: 'Kite' })).toBe('Remove Kite');
    expect(en.plural('resultsFound', 1)).toBe('1 asset found');
    expect(en.plural('resultsFound', 24)).toBe('24 assets found');
    expect(en.plural('resultsFound', 12345)).toBe('12,345 assets found');
    expect(en.plural('resultsFound', 10000, { count: `${en.number(10000)}+` })).toBe('10,000+ assets found');
  });

  it('speaks German for de locales, with German plurals and numbers', () => {
    const de = createTranslator('de-DE');
    expect(de.plural('resultsFound', 1)).toBe('1 Asset gefunden');
    expect(de.plural('resultsFound', 12345)).toBe('12.345 Assets gefunden');
    expect(de.t('cancel')).toBe('Abbrechen');
    expect(createTranslator('de-AT').t('select')).toBe('Auswählen');
  });

  it('speaks French for fr locales, with French numbers', () => {
    expect(createTranslator('fr-FR').t('cancel')).toBe('Annuler');
    expect(createTranslator('fr-CA').t('cancel')).toBe('Annuler');
    expect(createTranslator('fr-FR').number(1234.5)).toBe('1\u202f234,5');
  });

  it('falls back to English for languages without a catalog and for invalid tags, with their own number format', () => {
    expect(createTranslator('it-IT').t('cancel')).toBe('Cancel');
    expect(createTranslator('it-IT').number(1234.5)).toBe('1234,5');
    expect(createTranslator('not a locale!').t('cancel')).toBe('Cancel');
  });

  it('formats byte sizes and dates with Intl', () => {
    const en = createTranslator('en-US');
    expect(en.bytes(512)).toBe('512 byte');
    expect(en.bytes(158_402)).toBe('158.4 kB');
    expect(en.bytes(2_500_000)).toBe('2.5 MB');
    expect(createTranslator('de-DE').bytes(2_500_000)).toBe('2,5 MB');
    expect(en.date('2024-01-15T10:30:00Z')).toBe('Jan 15, 2024');
    expect(en.date('not a date')).toBe('not a date');
  });

  it('keeps unknown placeholders as they are', () => {
    expect(createTranslator('en').t('removeAsset')).toBe('Remove {title}');
  });

  it('the German catalog has every English key and the same placeholders', () => {
    expect(Object.keys(messagesDe).sort()).toEqual(Object.keys(messagesEn).sort());
    const placeholders = (m: unknown) => [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const key of Object.keys(messagesEn) as Array<keyof typeof messagesEn>) {
      expect(new Set(placeholders(messagesDe[key])), key).toEqual(new Set(placeholders(messagesEn[key])));
    }
  });
});
