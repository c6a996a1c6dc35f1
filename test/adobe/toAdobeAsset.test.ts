import { beforeAll, describe, expect, inject, it } from 'vitest';
import { deliveredSize, formatNameOf, toAdobeAsset } from '../../src/adobe/toAdobeAsset.ts';
import { normalizeAsset } from '../../src/core/normalizeAsset.ts';
import { toSelectedAsset } from '../../src/core/toSelectedAsset.ts';
import type { AssetHit, SelectedAsset } from '../../src/core/types.ts';

const RENDITION = 'http://ns.adobe.com/adobecloud/rel/rendition';
const DOWNLOAD = 'http://ns.adobe.com/adobecloud/rel/download';
const { url, ids } = inject('sharedEmulator');

/** A real asset of the emulator, as the selector would emit it. */
async function selected(name: string, modifiers: Record<string, string> = {}, token?: string): Promise<SelectedAsset> {
  const response = await fetch(`${url}/adobe/assets/${ids[name]}/metadata`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const hit = (await response.json()) as AssetHit;
  return toSelectedAsset(normalizeAsset(hit), { repository: url, imageFormat: 'jpg', modifiers });
}

describe('toAdobeAsset: the asset handleSelection receives', () => {
  let kite: SelectedAsset;
  beforeAll(async () => {
    kite = await selected('kite.jpg');
  });

  it('has every field of the contract, from our SelectedAsset', () => {
    const asset = toAdobeAsset(kite);
    expect(asset).toMatchObject({
      'repo:assetId': kite.assetId,
      'repo:id': kite.assetId,
      'repo:name': 'kite.jpg',
      name: 'kite.jpg',
      'repo:repositoryId': new URL(url).host,
      'repo:size': kite.repositoryMetadata['repo:size'],
      'repo:createDate': kite.repositoryMetadata['repo:createDate'],
      'repo:modifyDate': kite.repositoryMetadata['repo:modifyDate'],
      'dc:format': 'image/jpeg',
      mimetype: 'image/jpeg',
      'aem:formatName': 'jpeg',
      'dc:title': 'Kite over the hills',
      'dc:description': kite.assetMetadata['dc:description'],
      'tiff:imageWidth': kite.width,
      'tiff:imageLength': kite.height,
    });
    expect(typeof asset['repo:size']).toBe('number');
    expect(asset.computedMetadata).toEqual({ ...kite.repositoryMetadata, ...kite.assetMetadata });
    expect(asset._links[DOWNLOAD]).toEqual({ href: kite.originalUrl });
    expect(asset).not.toHaveProperty('_embedded');
  });

  it('lists absolute renditions with numeric sizes, smallest first, the emitted URL the largest', () => {
    const renditions = toAdobeAsset(kite)._links[RENDITION];
    expect(renditions.length).toBeGreaterThan(1);
    for (const r of renditions) {
      expect(r.href.startsWith(`${url}/adobe/assets/${kite.assetId}/as/`)).toBe(true);
      expect(r.type).toBe('image/jpeg');
      expect(Number.isInteger(r.width) && r.width > 0 && Number.isInteger(r.height) && r.height > 0).toBe(true);
    }
    const largest = renditions.reduce((a, b) => (a.width * a.height > b.width * b.height ? a : b));
    expect(largest.href).toBe(kite.url);
    expect(renditions[0]!.width).toBe(320);
    // The sizes keep the original's aspect ratio.
    expect(renditions[0]!.height).toBe(Math.round((320 * kite.height!) / kite.width!));
  });

  it('carries the editor modifiers in every rendition href, with the sizes they deliver', async () => {
    const edited = await selected('kite.jpg', { crop: '0p,0p,50p,100p', rotate: '90', width: '400' });
    const renditions = toAdobeAsset(edited)._links[RENDITION];
    for (const r of renditions) expect(r.href).toMatch(/crop=0p%2C0p%2C50p%2C100p|crop=0p,0p,50p,100p/);
    for (const r of renditions) expect(r.href).toContain('rotate=90');
    const main = renditions.find((r) => r.href === edited.url)!;
    // Half the width, turned: the height of the original becomes the width, scaled to 400.
    expect(main).toMatchObject({ width: 400, height: Math.round(400 / (edited.height! / (edited.width! / 2))) });
  });

  it('delivers at the size a rendition says (the emulator renders it)', async () => {
    for (const r of toAdobeAsset(kite)._links[RENDITION]) {
      const response = await fetch(r.href);
      expect(response.status).toBe(200);
      const { default: sharp } = await import('sharp');
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({ width: r.width, height: r.height });
    }
  });

  it('gives a video its player page, a document no renditions, and never a token', async () => {
    const video = toAdobeAsset(await selected('kite-flight.mp4'));
    expect(video['aem:formatName']).toBe('mp4');
    expect(video._links[RENDITION]).toEqual([{ href: `${url}/adobe/assets/${ids['kite-flight.mp4']}/play`, type: 'text/html', width: expect.any(Number), height: expect.any(Number) }]);
    const pdf = toAdobeAsset(await selected('brand-guidelines.pdf'));
    expect(pdf['aem:formatName']).toBe('pdf');
    expect(pdf._links[RENDITION]).toEqual([]);
    const restricted = toAdobeAsset(await selected('evening-glow.jpg', {}, 'dev-token-marketing'));
    expect(JSON.stringify(restricted)).not.toContain('dev-token');
  });
});

describe('aem:formatName and delivered sizes', () => {
  it('names formats as Adobe does, never empty', () => {
    expect(formatNameOf('image/jpeg', 'a.jpg')).toBe('jpeg');
    expect(formatNameOf('image/svg+xml', 'a.svg')).toBe('svg');
    expect(formatNameOf('video/quicktime', 'a.mov')).toBe('mov');
    expect(formatNameOf('image/vnd.adobe.photoshop', 'a.psd')).toBe('psd');
    expect(formatNameOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toBe('docx');
    expect(formatNameOf('', 'archive')).toBe('binary');
  });

  it('computes what width, height, fit, crop, rotate and dpr deliver', () => {
    const original = { width: 4000, height: 3000 };
    expect(deliveredSize(original, {})).toEqual({ width: 2048, height: 1536 });
    expect(deliveredSize({ width: 800, height: 600 }, {})).toEqual({ width: 800, height: 600 });
    expect(deliveredSize(original, { width: '1000' })).toEqual({ width: 1000, height: 750 });
    expect(deliveredSize(original, { height: '300' })).toEqual({ width: 400, height: 300 });
    expect(deliveredSize(original, { width: '500', height: '500' })).toEqual({ width: 500, height: 500 });
    expect(deliveredSize(original, { width: '500', height: '500', fit: 'constrain' })).toEqual({ width: 500, height: 375 });
    expect(deliveredSize(original, { width: '300', rotate: '270' })).toEqual({ width: 300, height: 400 });
    expect(deliveredSize(original, { width: '300', dpr: '2' })).toEqual({ width: 600, height: 450 });
    expect(deliveredSize(original, { crop: '0p,0p,25p,100p', width: '100' })).toEqual({ width: 100, height: 300 });
  });
});
