import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../demo/emulator/auth/caller.ts';
import type { AssetRecord } from '../../demo/emulator/catalog/assetRecord.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { syntheticCatalog } from '../../demo/emulator/catalog/syntheticCatalog.ts';
import { SearchIndex } from '../../demo/emulator/search/searchIndex.ts';
import { parseSearchRequest } from '../../demo/emulator/search/searchRequest.ts';
import { SearchService } from '../../demo/emulator/search/searchService.ts';

const QUERIES: unknown[] = [
  { query: [{ match: { text: '*' } }], limit: 50 },
  { query: [{ match: { text: 'golden har' } }], limit: 50 },
  { query: [{ term: { 'assetMetadata.xcm:keywords': ['nature', 'city'] } }], orderBy: 'repositoryMetadata.repo:name asc', limit: 50 },
  { query: [{ range: { 'repositoryMetadata.repo:createDate': { gte: '2018-01-01T00:00:00Z' } } }], orderBy: 'repositoryMetadata.repo:size desc, repositoryMetadata.repo:name asc', limit: 50 },
  { query: [{ not: [{ match: { text: 'quiet' } }] }, { exists: { field: 'assetMetadata.dc:description' } }], limit: 50 },
  { query: [{ term: { 'repositoryMetadata.repo:path': ['/content/dam/products'] } }], limit: 50, facets: [{ type: 'CATEGORY', id: 'k', field: 'assetMetadata.xcm:keywords' }] },
];

function answers(service: SearchService): unknown[] {
  return QUERIES.map((q) => {
    const { hits, search_metadata, facets } = service.search(parseSearchRequest(q), ANONYMOUS, Date.parse('2026-06-01T00:00:00Z'));
    return { ids: hits.results.map((h) => h.assetId), search_metadata, facets };
  });
}

describe('the search index, changed one document at a time', () => {
  it('answers every query exactly as an index built from scratch over the same documents', async () => {
    const all = syntheticCatalog(await loadAssetCatalog(), 600).assets;
    const index = new SearchIndex(all.slice(0, 400));
    const service = new SearchService(index);
    answers(service); // builds the per-field structures, which the changes must then keep right
    const current = new Map(all.slice(0, 400).map((a) => [a.id, a]));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let step = 0; step < 300; step++) {
      const roll = random();
      const pick = all[Math.floor(random() * all.length)]!;
      if (roll < 0.3) {
        index.remove(pick.id);
        current.delete(pick.id);
      } else if (roll < 0.6) {
        index.put(pick);
        current.set(pick.id, pick);
      } else {
        const base = current.get(pick.id) ?? pick;
        const changed: AssetRecord = {
          ...base,
          status: random() < 0.2 ? 'draft' : 'approved',
          assetMetadata: { ...base.assetMetadata, 'dc:title': `Renamed golden ${step}`, 'xcm:keywords': ['city', `k${step % 5}`] },
          repositoryMetadata: { ...base.repositoryMetadata, 'repo:size': step * 1000 },
        };
        index.put(changed);
        current.set(pick.id, changed);
      }
      if (step % 50 === 49) {
        const fresh = new SearchService(new SearchIndex([...current.values()]));
        expect(answers(service)).toEqual(answers(fresh));
      }
    }
    expect(index.size).toBe([...current.values()].filter((a) => a.status === 'approved').length);
  });
});
