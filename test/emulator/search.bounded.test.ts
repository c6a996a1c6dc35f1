import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../demo/emulator/auth/caller.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { syntheticCatalog } from '../../demo/emulator/catalog/syntheticCatalog.ts';
import { ByteBudgetCache } from '../../demo/emulator/search/byteBudgetCache.ts';
import { SearchIndex } from '../../demo/emulator/search/searchIndex.ts';
import { parseSearchRequest } from '../../demo/emulator/search/searchRequest.ts';
import { SearchService } from '../../demo/emulator/search/searchService.ts';

const ASSETS = 5_000;
/** Small enough that a few hundred searches must evict: each hit list is up to 20 kB here. */
const CACHE_BYTES = 512 * 1024;

let index: SearchIndex;
let service: SearchService;
const run = (body: unknown) => service.search(parseSearchRequest(body), ANONYMOUS);

beforeAll(async () => {
  index = new SearchIndex(syntheticCatalog(await loadAssetCatalog(), ASSETS).assets);
  service = new SearchService(index, { cacheBytes: CACHE_BYTES });
});

/** Searches a client could send that name fields no asset has, in every place a field goes. */
function novelFieldSearch(i: number) {
  const field = `assetMetadata.g${i}`;
  switch (i % 5) {
    case 0:
      return { query: [{ range: { [field]: { gte: i } } }] };
    case 1:
      return { query: [{ match: { text: '*' } }], orderBy: `${field} desc, repositoryMetadata.x${i} asc` };
    case 2:
      return { query: [{ term: { [field]: [String(i)] } }] };
    case 3:
      return { query: [{ match: { text: 'quiet', fields: [field] } }] };
    default:
      return { query: [{ not: [{ exists: { field } }] }], facets: [{ type: 'CATEGORY', id: 'f', field }] };
  }
}

describe('search memory stays bounded however many fields clients invent', () => {
  it('novel fields build no index structures, and the hit and order caches stay within their budget', () => {
    // Warm every structure a known field can have.
    run({ query: [{ range: { 'repositoryMetadata.repo:size': { gte: 1 } } }], orderBy: 'assetMetadata.dc:title asc' });
    run({ query: [{ term: { 'assetMetadata.xcm:keywords': ['nature'] } }, { match: { text: 'quiet', fields: ['assetMetadata.dc:creator'] } }] });
    const before = index.cacheStats();
    expect(before.knownFields).toBeGreaterThan(10);

    for (let i = 0; i < 600; i++) {
      const response = run(novelFieldSearch(i));
      const all = i % 5 === 1 || i % 5 === 4;
      // Invented fields match nothing and order nothing; negated, they exclude nothing.
      expect(response.search_metadata.totalCount.total > 0, JSON.stringify(novelFieldSearch(i))).toBe(all);
      const stats = service.cacheStats();
      expect(stats.hits.bytes).toBeLessThanOrEqual(CACHE_BYTES);
      expect(stats.orders.bytes).toBeLessThanOrEqual(CACHE_BYTES);
    }
    expect(index.cacheStats()).toEqual(before);
    // Only real orders are cached: the default, the warm-up's title order, and the index order
    // that every orderBy of invented fields alone comes down to.
    expect(service.cacheStats().orders.entries).toBeLessThanOrEqual(3);
  });

  it('ordering by an invented field keeps the results of the real keys, and known fields still answer correctly', () => {
    const byTitle = run({ query: [{ match: { text: 'bright' } }], orderBy: 'assetMetadata.dc:title asc', limit: 50 });
    const withNovel = run({ query: [{ match: { text: 'bright' } }], orderBy: 'assetMetadata.g1 desc, assetMetadata.dc:title asc', limit: 50 });
    expect(withNovel.hits.results.map((r) => r.assetId)).toEqual(byTitle.hits.results.map((r) => r.assetId));
    const titles = byTitle.hits.results.map((r) => String(r.assetMetadata['dc:title']).toLowerCase());
    expect(titles).toEqual([...titles].sort());
    const big = run({ query: [{ range: { 'repositoryMetadata.repo:size': { gte: 300_000 } } }], limit: 50 });
    for (const hit of big.hits.results) expect(Number(hit.repositoryMetadata['repo:size'])).toBeGreaterThanOrEqual(300_000);
  });
});

describe('ByteBudgetCache', () => {
  it('drops the least recently used entries to stay within its bytes, and refuses a value over budget', () => {
    const cache = new ByteBudgetCache<Uint8Array>(100, (v) => v.byteLength);
    cache.set('a', new Uint8Array(40));
    cache.set('b', new Uint8Array(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', new Uint8Array(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.stats()).toEqual({ entries: 2, bytes: 80, maxBytes: 100 });
    cache.set('huge', new Uint8Array(101));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('a', new Uint8Array(10));
    expect(cache.stats()).toEqual({ entries: 2, bytes: 50, maxBytes: 100 });
  });
});
