import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_LANGUAGES } from '../../src/i18n/catalogLanguages.ts';
import { loadMessages } from '../../src/i18n/catalogs.ts';
import { createTranslator } from '../../src/i18n/createTranslator.ts';

beforeAll(() => Promise.all(CATALOG_LANGUAGES.map((language) => loadMessages(language))));

/**
 * What a person reading each language sees for a count, a file size, a date and a format:
 * the selector's numbers go through Intl for the locale, never through English formatting.
 */
const EXPECTED: ReadonlyArray<{ locale: string; count: string; size: string; small: string; date: string; video: string; megabytes: string }> = [
  { locale: 'en-US', count: '1,234 assets found', size: '2.5 MB', small: '158.4 kB', date: 'Jan 15, 2024', video: 'MP4 video', megabytes: 'MB' },
  { locale: 'de-DE', count: '1.234 Assets gefunden', size: '2,5 MB', small: '158,4 kB', date: '15.01.2024', video: 'MP4-Video', megabytes: 'MB' },
  { locale: 'fr-FR', count: '1\u202f234 ressources trouvées', size: '2,5\u202fMo', small: '158,4\u202fko', date: '15 janv. 2024', video: 'Vidéo MP4', megabytes: 'Mo' },
  // Spanish groups thousands from five digits on (CLDR's minimum grouping).
  { locale: 'es-ES', count: '1234 recursos encontrados', size: '2,5 MB', small: '158,4 kB', date: '15 ene 2024', video: 'Vídeo MP4', megabytes: 'MB' },
  { locale: 'ja-JP', count: '1,234 件のアセットが見つかりました', size: '2.5 MB', small: '158.4 KB', date: '2024/01/15', video: 'MP4 動画', megabytes: 'MB' },
  { locale: 'ar', count: 'تم العثور على 1,234 أصلًا', size: '2.5 م.ب', small: '158.4 كيلوبايت', date: '15\u200f/01\u200f/2024', video: 'فيديو MP4', megabytes: 'م.ب' },
];

describe.each(EXPECTED)('$locale', ({ locale, count, size, small, date, video, megabytes }) => {
  // Made in each test: the catalogs load in beforeAll.
  const tr = () => createTranslator(locale);

  it('counts with the plural rules and digit grouping of the locale', () => {
    const t = tr();
    expect(t.plural('resultsFound', 1234)).toBe(count);
  });

  it('writes file sizes in decimal units as the locale abbreviates them', () => {
    const t = tr();
    expect(t.bytes(2_500_000)).toBe(size);
    expect(t.bytes(158_402)).toBe(small);
    expect(t.unitName('megabyte')).toBe(megabytes);
  });

  it('writes dates as the locale does', () => {
    expect(tr().date('2024-01-15T10:30:00Z')).toBe(date);
  });

  it('names formats as people say them, not as MIME types', () => {
    const t = tr();
    expect(t.formatName('video/mp4')).toBe(video);
    expect(t.formatName('image/jpeg')).toBe('JPEG');
    expect(t.formatName('image/svg+xml')).toBe('SVG');
  });
});

describe('format names', () => {
  const en = createTranslator('en-US');

  it('one name for the old and the new Office types', () => {
    expect(en.formatName('application/msword')).toBe('Word document');
    expect(en.formatName('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word document');
    expect(en.formatName('IMAGE/JPEG; charset=binary')).toBe('JPEG');
  });

  it('falls back to the subtype upper-cased for types the vocabulary does not know', () => {
    expect(en.formatName('application/x-foo+zip')).toBe('FOO');
    expect(en.formatName('model/gltf-binary')).toBe('GLTF-BINARY');
    expect(en.formatName('application/vnd.acme.widget')).toBe('WIDGET');
  });
});
