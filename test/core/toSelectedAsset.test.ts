import { describe, expect, it } from 'vitest';
import { toSelectedAsset } from '../../src/core/toSelectedAsset.ts';
import { normalizeAsset } from '../../src/core/normalizeAsset.ts';
import { parseDeliveryUrl } from '../../src/core/parseDeliveryUrl.ts';
import type { AssetSummary } from '../../src/core/types.ts';

const REPO = 'http://127.0.0.1:4010';
const ID = 'urn:aaid:aem:1a034bee-ebda-4787-bad3-f924d0772b75';

function asset(name: string, mimeType: string, extra: { title?: string; width?: number; height?: number } = {}): AssetSummary {
  return normalizeAsset({
    assetId: ID,
    repositoryMetadata: { 'repo:name': name, 'dc:format': mimeType },
    assetMetadata: {
      ...(extra.title !== undefined ? { 'dc:title': extra.title } : {}),
      ...(extra.width !== undefined ? { 'tiff:ImageWidth': extra.width, 'tiff:ImageLength': extra.height } : {}),
    },
  });
}

const srcsetWidths = (srcset: string | undefined) => (srcset ?? '').split(', ').filter(Boolean).map((entry) => Number(entry.split(' ')[1]!.replace('w', '')));

describe('toSelectedAsset', () => {
  const kite = asset('kite.jpg', 'image/jpeg', { title: 'Kite', width: 2400, height: 1500 });

  it('an image: delivery URL with the modifiers, modifiers exactly as in the URL, srcset ladder', () => {
    const selected = toSelectedAsset(kite, { repository: REPO, imageFormat: 'avif', modifiers: { quality: '70', width: '800', crop: '10p,10p,80p,80p', height: '' } });
    expect(selected.url).toBe(`${REPO}/adobe/assets/${ID}/as/kite.avif?crop=10p,10p,80p,80p&width=800&quality=70`);
    expect(selected.modifiers).toEqual(parseDeliveryUrl(selected.url).modifiers);
    expect(selected.modifiers).toEqual({ crop: '10p,10p,80p,80p', width: '800', quality: '70' });
    expect(Object.keys(selected.modifiers)).toEqual(['crop', 'width', 'quality']);
    expect(selected).toMatchObject({ assetId: ID, name: 'kite.jpg', title: 'Kite', mimeType: 'image/jpeg', kind: 'image', width: 2400, height: 1500 });
    expect(selected.originalUrl).toBe(`${REPO}/adobe/assets/${ID}/original/as/kite.jpg`);
    // 80 % of 2400 px = 1920 px of source: the whole ladder.
    expect(srcsetWidths(selected.srcset)).toEqual([320, 640, 960, 1280, 1920]);
    for (const entry of selected.srcset!.split(', ')) expect(parseDeliveryUrl(entry.split(' ')[0]!).modifiers.crop).toBe('10p,10p,80p,80p');
  });

  it('no modifiers: {} and a plain URL in the chosen format', () => {
    const selected = toSelectedAsset(kite, { repository: REPO, imageFormat: 'webp' });
    expect(selected.url).toBe(`${REPO}/adobe/assets/${ID}/as/kite.webp`);
    expect(selected.modifiers).toEqual({});
  });

  it('caps the srcset ladder at the original width, and adds that width', () => {
    const astronaut = asset('astronaut.jpg', 'image/jpeg', { width: 512, height: 512 });
    expect(srcsetWidths(toSelectedAsset(astronaut, { repository: REPO, imageFormat: 'avif' }).srcset)).toEqual([320, 512]);
    const tiny = asset('icon.png', 'image/png', { width: 100, height: 100 });
    expect(srcsetWidths(toSelectedAsset(tiny, { repository: REPO, imageFormat: 'png' }).srcset)).toEqual([100]);
    const exact = asset('x.png', 'image/png', { width: 640, height: 100 });
    expect(srcsetWidths(toSelectedAsset(exact, { repository: REPO, imageFormat: 'png' }).srcset)).toEqual([320, 640]);
  });

  it('caps at the width of the crop region, turned by a rotation', () => {
    expect(srcsetWidths(toSelectedAsset(kite, { repository: REPO, imageFormat: 'avif', modifiers: { crop: '0p,0p,50p,50p' } }).srcset)).toEqual([320, 640, 960, 1200]);
    expect(srcsetWidths(toSelectedAsset(kite, { repository: REPO, imageFormat: 'avif', modifiers: { rotate: '90' } }).srcset)).toEqual([320, 640, 960, 1280, 1500]);
  });

  it('uses the full ladder when the original width is unknown', () => {
    const unknown = asset('x.jpg', 'image/jpeg');
    expect(srcsetWidths(toSelectedAsset(unknown, { repository: REPO, imageFormat: 'jpg' }).srcset)).toEqual([320, 640, 960, 1280, 1920]);
  });

  it('a video: the player URL, no modifiers, no srcset', () => {
    const selected = toSelectedAsset(asset('clip.mp4', 'video/mp4'), { repository: REPO, imageFormat: 'avif', modifiers: { width: '300' } });
    expect(selected.url).toBe(`${REPO}/adobe/assets/${ID}/play`);
    expect(selected.modifiers).toEqual({});
    expect(selected.srcset).toBeUndefined();
    expect(selected.kind).toBe('video');
  });

  it('a PDF: the original, no modifiers, no srcset', () => {
    const selected = toSelectedAsset(asset('Annual Report 2024.pdf', 'application/pdf'), { repository: REPO, imageFormat: 'avif', modifiers: { width: '300' } });
    expect(selected.url).toBe(`${REPO}/adobe/assets/${ID}/original/as/Annual-Report-2024.pdf`);
    expect(selected.url).toBe(selected.originalUrl);
    expect(selected.modifiers).toEqual({});
    expect(selected.srcset).toBeUndefined();
    expect(selected.kind).toBe('document');
  });

  it('falls back to the name for the title', () => {
    expect(toSelectedAsset(asset('kite.jpg', 'image/jpeg'), { repository: REPO, imageFormat: 'avif' }).title).toBe('kite.jpg');
    expect(toSelectedAsset({ ...kite, title: '' }, { repository: REPO, imageFormat: 'avif' }).title).toBe('kite.jpg');
  });

  it('builds on a repository with a path prefix and never carries a token', () => {
    const selected = toSelectedAsset(kite, { repository: 'https://cdn.example.com/dm/', imageFormat: 'avif', modifiers: { width: '10' } });
    expect(selected.url.startsWith('https://cdn.example.com/dm/adobe/assets/')).toBe(true);
    expect(parseDeliveryUrl(selected.url).repository).toBe('https://cdn.example.com/dm');
    expect(JSON.stringify(selected)).not.toMatch(/token|bearer|authorization/i);
  });

  it('marks a restricted asset (dam:roles) requiresAuthorization: true, whatever its kind; public ones have no such key', () => {
    const restricted = normalizeAsset({
      assetId: ID,
      repositoryMetadata: { 'repo:name': 'evening-glow.jpg', 'dc:format': 'image/jpeg' },
      assetMetadata: { 'dam:roles': ['marketing'] },
    });
    expect(toSelectedAsset(restricted, { repository: REPO, imageFormat: 'avif' }).requiresAuthorization).toBe(true);
    expect(toSelectedAsset({ ...restricted, kind: 'video', mimeType: 'video/mp4' }, { repository: REPO, imageFormat: 'avif' }).requiresAuthorization).toBe(true);
    expect(toSelectedAsset({ ...restricted, kind: 'document', mimeType: 'application/pdf' }, { repository: REPO, imageFormat: 'avif' }).requiresAuthorization).toBe(true);
    expect('requiresAuthorization' in toSelectedAsset(kite, { repository: REPO, imageFormat: 'avif' })).toBe(false);
  });

  it('omits width and height when unknown (no undefined keys in the payload)', () => {
    const selected = toSelectedAsset(asset('x.pdf', 'application/pdf'), { repository: REPO, imageFormat: 'avif' });
    expect('width' in selected).toBe(false);
    expect('height' in selected).toBe(false);
  });
});
