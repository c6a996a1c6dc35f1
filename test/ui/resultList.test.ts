import { describe, expect, it, vi } from 'vitest';
import type { AssetHit, SearchResponse } from '../../src/core/types.ts';
import { createResultList, packPage, type ResultsPage, type UnpackedPages } from '../../src/ui/resultList.ts';

const hit = (n: number): AssetHit => ({
  assetId: `urn:aaid:aem:${n}`,
  repositoryMetadata: { 'repo:name': `asset-${n}.jpg`, 'dc:format': 'image/jpeg', 'repo:size': 1000 + n },
  assetMetadata: { 'dc:title': `Asset "${n}"`, 'tiff:ImageWidth': 2400, 'tiff:ImageLength': 1600, 'xcm:keywords': ['a', 'b'] },
});
const page = (from: number, count: number): SearchResponse => ({
  hits: { results: Array.from({ length: count }, (_, i) => hit(from + i)) },
  search_metadata: { count, totalCount: { total: 10_000, relation: 'eq' } },
  cursor: `after-${from + count}`,
});
/** A first page as it came, then `more` pages of 48 packed as the results query keeps them. */
const pagesOf = (more: number): ResultsPage[] => [page(0, 48), ...Array.from({ length: more }, (_, i) => packPage(page(48 * (i + 1), 48)))];

describe('the results list', () => {
  it('keeps the pages after the first as their JSON text in UTF-8 bytes, which read back to the same hits', () => {
    const original = page(48, 48);
    original.hits.results[3]!.assetMetadata!['dc:title'] = 'Café « Zürich » 東京 🌅';
    const packed = packPage(original);
    expect(packed.hits.results).toEqual([]);
    expect(packed.packed!.count).toBe(48);
    // Bytes in an ArrayBuffer (outside the JavaScript heap), as many as the text's UTF-8.
    expect(packed.packed!.bytes).toBeInstanceOf(Uint8Array);
    expect(packed.packed!.bytes.byteLength).toBe(Buffer.byteLength(JSON.stringify(original.hits.results)));
    expect(JSON.parse(new TextDecoder().decode(packed.packed!.bytes))).toEqual(original.hits.results);
    expect(createResultList([page(0, 48), packed]).at(51)?.title).toBe('Café « Zürich » 東京 🌅');
    expect(packed.cursor).toBe('after-96');
  });

  it('reads every index across the first page and packed ones, in order, and nothing outside', () => {
    const list = createResultList(pagesOf(20));
    expect(list.length).toBe(21 * 48);
    for (const index of [0, 47, 48, 49, 500, 1007]) {
      expect(list.at(index)).toMatchObject({ assetId: `urn:aaid:aem:${index}`, title: `Asset "${index}"`, width: 2400, keywords: ['a', 'b'] });
    }
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(1008)).toBeUndefined();
    expect(createResultList(undefined).length).toBe(0);
  });

  it('unpacks a few pages at a time for a selector, keeping what it read last, the same objects while kept', () => {
    const unpacked: UnpackedPages = new Map();
    const pages = pagesOf(20);
    const list = createResultList(pages, unpacked);
    const first = list.at(500);
    expect(list.at(500)).toBe(first);
    for (let p = 1; p <= 20; p++) list.at(p * 48);
    expect(unpacked.size).toBeLessThanOrEqual(6);
    // A page read again after it was let go is unpacked anew: equal, not the same object.
    expect(list.at(500)).not.toBe(first);
    expect(list.at(500)).toEqual(first);
    // A list with one more page (scrolling) shares what is unpacked with the list before it.
    const longer = createResultList([...pages, packPage(page(21 * 48, 48))], unpacked);
    expect(longer.at(500)).toBe(list.at(500));
  });

  it('finds an asset by id: where it was first, else in the pages, unpacking only one whose bytes name it', () => {
    const list = createResultList(pagesOf(20));
    expect(list.indexOf('urn:aaid:aem:10')).toBe(10);
    expect(list.indexOf('urn:aaid:aem:777')).toBe(777);
    expect(list.indexOf('urn:aaid:aem:777', 777)).toBe(777);
    expect(list.indexOf('urn:aaid:aem:777', 3)).toBe(777);
    expect(list.indexOf('urn:aaid:aem:77')).toBe(77);
    expect(list.indexOf('urn:aaid:aem:99999')).toBe(-1);
    // Looking for one asset unpacks its page alone.
    const unpacked: UnpackedPages = new Map();
    const pages = pagesOf(20);
    createResultList(pages, unpacked).indexOf('urn:aaid:aem:777');
    expect([...unpacked.keys()]).toEqual([pages[0], pages[16]]);
  });

  it('reads a page once for an asset it lacks, however many longer lists look for it as pages arrive', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      // A focused asset that is not among the results (focused before a new search): every list
      // made as a page arrives looks for it again.
      const pages = pagesOf(20);
      const unpacked: UnpackedPages = new Map();
      expect(createResultList(pages, unpacked).indexOf('urn:aaid:aem:gone', -1)).toBe(-1);
      expect(decode).toHaveBeenCalledTimes(20);
      decode.mockClear();
      const longer = [...pages, packPage(page(21 * 48, 48))];
      expect(createResultList(longer, unpacked).indexOf('urn:aaid:aem:gone', -1)).toBe(-1);
      expect(decode).toHaveBeenCalledTimes(1);
      // Another asset is looked for anew, and found where it is.
      decode.mockClear();
      expect(createResultList(longer, unpacked).indexOf('urn:aaid:aem:1000', -1)).toBe(1000);
      expect(decode.mock.calls.length).toBeGreaterThan(1);
    } finally {
      decode.mockRestore();
    }
  });
});
