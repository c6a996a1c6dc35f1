import { describe, expect, it } from 'vitest';
import { kindOf, normalizeAsset } from '../../src/core/normalizeAsset.ts';
import type { AssetHit } from '../../src/core/types.ts';

const ID = 'urn:aaid:aem:1a034bee-ebda-4787-bad3-f924d0772b75';

function hit(repositoryMetadata: Record<string, unknown>, assetMetadata: Record<string, unknown> = {}): AssetHit {
  return { assetId: ID, repositoryMetadata, assetMetadata };
}

describe('kindOf', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['IMAGE/PNG', 'image'],
    ['image/svg+xml', 'image'],
    ['video/mp4', 'video'],
    ['video/quicktime', 'video'],
    ['application/pdf', 'document'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'document'],
    ['text/plain; charset=utf-8', 'document'],
    ['application/zip', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (mime, kind) => {
    expect(kindOf(mime)).toBe(kind);
  });
});

describe('normalizeAsset', () => {
  it('reads a typical hit', () => {
    const summary = normalizeAsset(
      hit(
        { 'repo:name': 'kite.jpg', 'dc:format': 'image/jpeg', 'repo:size': 158402, 'repo:createDate': '2024-01-15T10:30:00Z', 'repo:modifyDate': '2024-02-01T00:00:00Z' },
        { 'dc:title': 'Kite', 'dc:description': 'A kite.', 'tiff:ImageWidth': 2400, 'tiff:ImageLength': 1500, 'xcm:keywords': ['sky', 'kite'] },
      ),
    );
    expect(summary).toEqual({
      assetId: ID,
      name: 'kite.jpg',
      title: 'Kite',
      mimeType: 'image/jpeg',
      kind: 'image',
      width: 2400,
      height: 1500,
      size: 158402,
      createDate: '2024-01-15T10:30:00Z',
      modifyDate: '2024-02-01T00:00:00Z',
      description: 'A kite.',
      keywords: ['sky', 'kite'],
      repositoryMetadata: expect.any(Object),
      assetMetadata: expect.any(Object),
    });
  });

  it('falls back to the name when there is no title (or a blank one), then to the id', () => {
    expect(normalizeAsset(hit({ 'repo:name': 'a.pdf' })).title).toBe('a.pdf');
    expect(normalizeAsset(hit({ 'repo:name': 'a.pdf' }, { 'dc:title': '  ' })).title).toBe('a.pdf');
    expect(normalizeAsset(hit({})).title).toBe(ID);
  });

  it('reads titles given as language alternatives', () => {
    expect(normalizeAsset(hit({ 'repo:name': 'a.jpg' }, { 'dc:title': [{ value: 'Drachen', '@lang': 'de' }] })).title).toBe('Drachen');
  });

  it('reads keywords as strings or { value } objects, from xcm:keywords and dc:subject, without duplicates', () => {
    const summary = normalizeAsset(
      hit({}, { 'xcm:keywords': [{ value: 'beach', '@lang': 'en' }, 'sea', 7, null], 'dc:subject': ['sea', { value: 'sand' }] }),
    );
    expect(summary.keywords).toEqual(['beach', 'sea', 'sand']);
    expect(normalizeAsset(hit({}, { 'dc:subject': 'solo' })).keywords).toEqual(['solo']);
    expect(normalizeAsset(hit({})).keywords).toEqual([]);
  });

  it('reads dimensions as numbers or numeric strings, and ignores anything else', () => {
    expect(normalizeAsset(hit({}, { 'tiff:ImageWidth': '640', 'tiff:ImageLength': ' 480 ' }))).toMatchObject({ width: 640, height: 480 });
    const odd = normalizeAsset(hit({ 'repo:size': 'big' }, { 'tiff:ImageWidth': '12px', 'tiff:ImageLength': -1 }));
    expect(odd.width).toBeUndefined();
    expect(odd.height).toBeUndefined();
    expect(odd.size).toBeUndefined();
    expect('width' in odd).toBe(false);
  });

  it('survives hits with missing metadata objects', () => {
    const summary = normalizeAsset({ assetId: ID } as AssetHit);
    expect(summary).toMatchObject({ name: '', mimeType: '', kind: 'other', keywords: [], repositoryMetadata: {}, assetMetadata: {} });
  });
});
