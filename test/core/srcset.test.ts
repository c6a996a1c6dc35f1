import { describe, expect, it } from 'vitest';
import { buildSrcset, thumbnailWidth, THUMBNAIL_WIDTHS } from '../../src/core/srcset.ts';
import { parseDeliveryUrl } from '../../src/core/parseDeliveryUrl.ts';

const target = { repository: 'http://127.0.0.1:4010', assetId: 'urn:aaid:aem:x', seoName: 'kite', format: 'webp' as const };

function entries(srcset: string) {
  return srcset.split(', ').map((entry) => {
    const [url, descriptor] = entry.split(' ');
    return { modifiers: parseDeliveryUrl(url!).modifiers, descriptor };
  });
}

describe('thumbnailWidth', () => {
  it.each([
    [100, 1, 160],
    [160, 1, 160],
    [161, 1, 240],
    [200, 1.5, 320],
    [200, 2, 480],
    [200, 3, 480], // the ratio is capped at 2
    [320, 2, 640],
    [700, 2, 1280],
    [2000, 1, 1280], // wider than the ladder: the largest step
    [0, 1, 160],
    [-5, 1, 160],
    [200, 0, 240],
    [200, Number.NaN, 240],
    [Number.NaN, 2, 160],
  ])('%d css px at dpr %d → %d', (css, dpr, expected) => {
    expect(thumbnailWidth(css, dpr)).toBe(expected);
    expect(THUMBNAIL_WIDTHS).toContain(thumbnailWidth(css, dpr));
  });

  it('defaults to dpr 1', () => {
    expect(thumbnailWidth(300)).toBe(320);
  });
});

describe('buildSrcset', () => {
  it('lists each width with its w descriptor, sorted and without duplicates', () => {
    const srcset = buildSrcset(target, [640, 320, 640]);
    expect(srcset).toBe('http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:x/as/kite.webp?width=320 320w, http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:x/as/kite.webp?width=640 640w');
  });

  it('keeps the transform and scales height when width and height are both given', () => {
    const srcset = buildSrcset({ ...target, modifiers: { width: '800', height: '400', crop: '0p,0p,50p,50p', quality: '70' } }, [320, 1000]);
    expect(entries(srcset)).toEqual([
      { modifiers: { crop: '0p,0p,50p,50p', width: '320', height: '160', quality: '70' }, descriptor: '320w' },
      { modifiers: { crop: '0p,0p,50p,50p', width: '1000', height: '500', quality: '70' }, descriptor: '1000w' },
    ]);
  });

  it('replaces a lone height by the width, and drops dpr', () => {
    const srcset = buildSrcset({ ...target, modifiers: { height: '300', dpr: '2', rotate: '90' } }, [320]);
    expect(entries(srcset)).toEqual([{ modifiers: { width: '320', rotate: '90' }, descriptor: '320w' }]);
  });

  it('is empty for no widths and ignores nonsense widths', () => {
    expect(buildSrcset(target, [])).toBe('');
    expect(entries(buildSrcset(target, [0, -1, Number.NaN, 160.4]))).toEqual([{ modifiers: { width: '160' }, descriptor: '160w' }]);
  });
});
