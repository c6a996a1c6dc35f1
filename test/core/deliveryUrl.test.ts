import { describe, expect, it } from 'vitest';
import {
  buildDeliveryUrl,
  DELIVERY_FORMATS,
  encodeModifiers,
  fileSeoName,
  imagePresetsUrl,
  isSeoName,
  metadataUrl,
  originalUrl,
  playerUrl,
  renditionsUrl,
  renditionUrl,
  searchUrlFor,
  seoNameFor,
  smartCropsUrl,
  type DeliveryTarget,
} from '../../src/core/deliveryUrl.ts';
import { parseDeliveryUrl } from '../../src/core/parseDeliveryUrl.ts';
import { checkSeoName } from '../../demo/emulator/routes/assetLookup.ts';
import { parseModifiers as emulatorParseModifiers } from '../../demo/emulator/delivery/modifiers.ts';

const REPO = 'https://delivery-p1-e2.adobeaemcloud.com';
const ID = 'urn:aaid:aem:1a034bee-ebda-4787-bad3-f924d0772b75';

/** One example of every generally-available modifier, with the awkward characters they carry. */
const EVERY_MODIFIER: Record<string, string> = {
  preset: 'card',
  crop: '10p,10.5p,50p,50.25p',
  width: '640',
  height: '480',
  dpr: '1.5',
  fit: 'constrain',
  rotate: '90',
  flip: 'hv',
  quality: '80',
  'max-quality': '90',
  'auto-format': 'false',
  blur: '5',
  sharpen: 'true',
  'unsharp-mask': '100,1.5,10,true',
  'background-color': 'rgba,FF000080',
  attachment: '1',
};

describe('seoNameFor', () => {
  it.each([
    ['kite.jpg', 'kite'],
    ['Summer Night.jpeg', 'Summer-Night'],
    ['my.photo.final.png', 'my.photo.final'],
    ['  spaced   out  .jpg', 'spaced-out'],
    ['Crème brûlée.jpg', 'Cr%C3%A8me-br%C3%BBl%C3%A9e'],
    ['東京タワー.png', '%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%83%AF%E3%83%BC'],
    ['100% cotton?.tif', '100-cotton'],
    ['a/b\\c#d&e=f.gif', 'a-b-c-d-e-f'],
    ['🌅 sunrise 🌅.webp', 'sunrise'],
    ['..jpg', 'asset'],
    ['.jpg', 'jpg'],
    ['', 'asset'],
    ['🌅.jpg', 'asset'],
    ['noextension', 'noextension'],
  ])('%j → %j', (name, seo) => {
    expect(seoNameFor(name)).toBe(seo);
    expect(() => checkSeoName(seoNameFor(name))).not.toThrow();
  });

  it('always gives a name isSeoName accepts, whatever the script (seeded random names)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = [...'aZ09_.- \t/\\%?#&+:;"\'()[]<>éüßçøÅ東京タワー한국어العربيةहिन्दीΩ🌅\u0301\u200b\u0000'];
    for (let i = 0; i < 2000; i++) {
      const name = Array.from({ length: Math.floor(random() * 16) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const seo = seoNameFor(name);
      expect(isSeoName(seo), JSON.stringify([name, seo])).toBe(true);
      expect(isSeoName(fileSeoName(name)), JSON.stringify(name)).toBe(true);
    }
  });

  it('isSeoName: the spec pattern, decoding to letters, digits and marks of any script, "_", "." and "-"', () => {
    for (const ok of ['kite', 'M%C3%BCller', '%E6%9D%B1%E4%BA%AC', 'caf%C3%A9-au-lait.png', 'a_b.c-d', 'x%CC%81']) expect(isSeoName(ok), ok).toBe(true);
    for (const bad of ['', 'ki te', 'ki%20te', 'a%2Fb', '%25', 'a%00b', '%E0%A4%A', '.', '..', '%2E%2E', 'Müller', 'a!b', 'a%21b']) expect(isSeoName(bad), bad).toBe(false);
  });

  it('keeps the extension for originals', () => {
    expect(fileSeoName('Quarterly Report (final).pdf')).toBe('Quarterly-Report-final.pdf');
    expect(fileSeoName('..')).toBe('asset');
  });
});

describe('buildDeliveryUrl', () => {
  it('builds the spec form', () => {
    expect(buildDeliveryUrl({ repository: REPO, assetId: ID, seoName: 'kite', format: 'avif' })).toBe(`${REPO}/adobe/assets/${ID}/as/kite.avif`);
    expect(buildDeliveryUrl({ repository: `${REPO}/`, assetId: ID, seoName: 'kite', format: 'webp', modifiers: { width: '320' } })).toBe(
      `${REPO}/adobe/assets/${ID}/as/kite.webp?width=320`,
    );
  });

  it('writes modifiers in a stable order, commas literal, everything else percent-encoded', () => {
    const a = buildDeliveryUrl({ repository: REPO, assetId: ID, seoName: 'kite', format: 'jpg', modifiers: { quality: '80', crop: '10p,10p,50p,50p', width: '300' } });
    const b = buildDeliveryUrl({ repository: REPO, assetId: ID, seoName: 'kite', format: 'jpg', modifiers: { width: '300', crop: '10p,10p,50p,50p', quality: '80' } });
    expect(a).toBe(b);
    expect(a).toBe(`${REPO}/adobe/assets/${ID}/as/kite.jpg?crop=10p,10p,50p,50p&width=300&quality=80`);
    expect(encodeModifiers({ zeta: 'a b&c=d', alpha: '1', width: '2' })).toBe('width=2&alpha=1&zeta=a%20b%26c%3Dd');
  });

  it('leaves empty modifiers out', () => {
    expect(encodeModifiers({ width: '', height: '200' })).toBe('height=200');
  });

  it('rejects what would make a broken or leaky URL, naming the part', () => {
    const ok: DeliveryTarget = { repository: REPO, assetId: ID, seoName: 'kite', format: 'avif' };
    expect(() => buildDeliveryUrl({ ...ok, seoName: 'has space' })).toThrow(/seoName/);
    expect(() => buildDeliveryUrl({ ...ok, seoName: '' })).toThrow(/seoName/);
    expect(() => buildDeliveryUrl({ ...ok, seoName: '100%' })).toThrow(/seoName/);
    expect(() => buildDeliveryUrl({ ...ok, format: 'bmp' as 'png' })).toThrow(/format/);
    expect(() => buildDeliveryUrl({ ...ok, assetId: '' })).toThrow(/assetId/);
    expect(() => buildDeliveryUrl({ ...ok, assetId: 'a/b' })).toThrow(/assetId/);
    expect(() => buildDeliveryUrl({ ...ok, repository: 'delivery.example.com' })).toThrow(/repository/);
    expect(() => buildDeliveryUrl({ ...ok, repository: 'ftp://example.com' })).toThrow(/repository/);
    expect(() => buildDeliveryUrl({ ...ok, repository: 'https://user:secret@example.com' })).toThrow(/user name or password/);
    expect(() => buildDeliveryUrl({ ...ok, repository: `${REPO}?token=abc` })).toThrow(/query/);
  });
});

describe('round trips', () => {
  const repositories = [REPO, 'http://127.0.0.1:4010', 'https://cdn.example.com/tenant/dm', 'https://cdn.example.com/adobe/assets/proxy'];

  it.each(Object.entries(EVERY_MODIFIER))('modifier %s=%s', (key, value) => {
    for (const repository of repositories) {
      const target = { repository, assetId: ID, seoName: 'kite', format: 'avif' as const, modifiers: { [key]: value } };
      const url = buildDeliveryUrl(target);
      expect(parseDeliveryUrl(url)).toEqual(target);
      expect(buildDeliveryUrl(parseDeliveryUrl(url))).toBe(url);
      // The server reads the value exactly as written.
      expect(new URL(url).searchParams.get(key)).toBe(value);
    }
  });

  it('all modifiers together, read identically by the emulator', () => {
    const { preset: _preset, ...explicit } = EVERY_MODIFIER; // without the preset, so the emulator does not merge one in
    const target = { repository: REPO, assetId: ID, seoName: 'kite', format: 'png' as const, modifiers: explicit };
    const url = buildDeliveryUrl(target);
    expect(parseDeliveryUrl(url)).toEqual(target);
    const read = emulatorParseModifiers(new URL(url).searchParams);
    expect(read).toMatchObject({ width: 640, height: 480, dpr: 1.5, fit: 'constrain', rotate: 90, flip: 'hv', quality: 80, maxQuality: 90, autoFormat: false, blur: 5, sharpen: true, attachment: true });
    expect(read.crop).toEqual({ x: 10, y: 10.5, width: 50, height: 50.25 });
    expect(read.unsharpMask).toEqual({ amount: 100, radius: 1.5, threshold: 10, monochrome: true });
  });

  it('smart crops and odd values', () => {
    for (const modifiers of [{ smartcrop: 'Landscape', width: '960' }, { 'x-custom': 'a b+c&d=e/é,f' }, {}] as Array<Record<string, string>>) {
      const target = { repository: REPO, assetId: ID, seoName: 'kite', format: 'jpeg' as const, modifiers };
      expect(parseDeliveryUrl(buildDeliveryUrl(target))).toEqual(target);
    }
  });

  it.each(['Summer Night.jpg', 'Crème brûlée.jpg', '東京タワー.png', 'my.photo.final.png', '100% cotton?.tif', 'a.b.c'])('seo name of %j', (name) => {
    const target = { repository: REPO, assetId: ID, seoName: seoNameFor(name), format: 'webp' as const, modifiers: { width: '100' } };
    const url = buildDeliveryUrl(target);
    expect(parseDeliveryUrl(url)).toEqual(target);
    expect(buildDeliveryUrl(parseDeliveryUrl(url))).toBe(url);
  });

  it('every format', () => {
    for (const format of DELIVERY_FORMATS) {
      const target = { repository: REPO, assetId: ID, seoName: 'kite', format, modifiers: {} };
      expect(parseDeliveryUrl(buildDeliveryUrl(target))).toEqual(target);
    }
  });

  it('keeps urn ids readable in the path', () => {
    const url = buildDeliveryUrl({ repository: REPO, assetId: ID, seoName: 'kite', format: 'avif' });
    expect(url).toContain('/urn:aaid:aem:1a034bee-');
    expect(parseDeliveryUrl(url).assetId).toBe(ID);
  });

  it('reads a repository with a path prefix back', () => {
    const parsed = parseDeliveryUrl('https://cdn.example.com/tenant/dm/adobe/assets/urn:aaid:aem:x/as/kite.jpg?width=5');
    expect(parsed).toEqual({ repository: 'https://cdn.example.com/tenant/dm', assetId: 'urn:aaid:aem:x', seoName: 'kite', format: 'jpg', modifiers: { width: '5' } });
  });

  it('reads URLs written by others: + as space in values, bare keys, encoded commas', () => {
    expect(parseDeliveryUrl(`${REPO}/adobe/assets/${ID}/as/kite.jpg?x=a+b&attachment&crop=1p%2C2p%2C3p%2C4p`).modifiers).toEqual({ x: 'a b', attachment: '', crop: '1p,2p,3p,4p' });
  });
});

describe('parseDeliveryUrl rejects non-delivery URLs with a TypeError naming what is wrong', () => {
  const base = `${REPO}/adobe/assets/${ID}`;
  it.each([
    ['not a url', /not an absolute URL/],
    ['/adobe/assets/x/as/kite.jpg', /not an absolute URL/],
    [`ftp://example.com/adobe/assets/${ID}/as/kite.jpg`, /scheme/],
    [`https://user:secret@example.com/adobe/assets/${ID}/as/kite.jpg`, /user name or password/],
    [`${base}/as/kite.jpg#top`, /fragment/],
    [`${REPO}/content/dam/kite.jpg`, /path must be/],
    [`${base}/original/as/kite.jpg`, /path must be/],
    [`${base}/play`, /path must be/],
    [`${base}/as/kite`, /no format extension/],
    [`${base}/as/.jpg`, /no format extension/],
    [`${base}/as/kite.bmp`, /format must be one of/],
    [`${base}/as/kite%zz.jpg`, /seoName/],
    [`${base}/as/kite.jpg?width=1&width=2`, /more than once/],
    [`${base}/as/kite.jpg?width=%E0%A4%A`, /not valid percent-encoding/],
  ])('%s', (url, message) => {
    expect(() => parseDeliveryUrl(url)).toThrow(TypeError);
    expect(() => parseDeliveryUrl(url)).toThrow(message);
  });

  it('rejects a non-string', () => {
    expect(() => parseDeliveryUrl(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('other URLs', () => {
  it('build each endpoint on the repository', () => {
    const prefixed = 'https://cdn.example.com/dm/';
    expect(originalUrl(REPO, ID, 'Quarterly Report.pdf')).toBe(`${REPO}/adobe/assets/${ID}/original/as/Quarterly-Report.pdf`);
    expect(renditionUrl(REPO, ID, 'cq5dam.thumbnail.48.48.png', 'kite.jpg')).toBe(`${REPO}/adobe/assets/${ID}/renditions/cq5dam.thumbnail.48.48.png/as/kite.jpg`);
    expect(renditionsUrl(REPO, ID)).toBe(`${REPO}/adobe/assets/${ID}/renditions`);
    expect(metadataUrl(prefixed, ID)).toBe(`https://cdn.example.com/dm/adobe/assets/${ID}/metadata`);
    expect(smartCropsUrl(REPO, ID)).toBe(`${REPO}/adobe/assets/${ID}/smartCrops`);
    expect(imagePresetsUrl(prefixed)).toBe('https://cdn.example.com/dm/adobe/assets/imagePresets');
    expect(searchUrlFor(REPO)).toBe(`${REPO}/adobe/assets/search`);
    expect(playerUrl(REPO, ID)).toBe(`${REPO}/adobe/assets/${ID}/play`);
    expect(() => renditionUrl(REPO, ID, '', 'x')).toThrow(/renditionName/);
  });

  it('none of them has a way to carry a token', () => {
    // The builders take no token and refuse credentials in the base URL.
    for (const build of [() => originalUrl('https://a:b@x.com', ID, 'n'), () => metadataUrl('https://x.com?access_token=t', ID), () => imagePresetsUrl('https://x.com#t')]) {
      expect(build).toThrow(TypeError);
    }
    expect(buildDeliveryUrl.length).toBe(1);
    expect(Object.keys(parseDeliveryUrl(`${REPO}/adobe/assets/${ID}/as/kite.jpg`)).sort()).toEqual(['assetId', 'format', 'modifiers', 'repository', 'seoName']);
  });
});
