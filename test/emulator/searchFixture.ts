import { ANONYMOUS, type Caller } from '../../demo/emulator/auth/caller.ts';
import { DEV_TOKENS } from '../../demo/emulator/auth/devTokens.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { SearchIndex } from '../../demo/emulator/search/searchIndex.ts';
import type { SearchResponse } from '../../src/core/types.ts';
import { SearchService } from '../../demo/emulator/search/searchService.ts';
import { parseSearchRequest } from '../../demo/emulator/search/searchRequest.ts';

/** The sample catalog's hidden photos (see demo/catalog/metadata.json). */
export const HIDDEN = {
  rejected: ['storm.jpg', 'blinds.jpg'],
  draft: ['colorful-cups.jpg'],
  marketing: ['evening-glow.jpg', 'fresh-flower.jpg'],
  legal: ['retina.jpg'],
  expired: ['camera.jpg'],
  future: ['path.jpg'],
};
export const ALL_HIDDEN = Object.values(HIDDEN).flat();
/** 30 photos, a video and a PDF. */
export const CATALOG_SIZE = 32;
export const PUBLIC_COUNT = CATALOG_SIZE - ALL_HIDDEN.length;

export function callerWith(token: keyof typeof DEV_TOKENS): Caller {
  return { authenticated: true, roles: new Set(DEV_TOKENS[token]) };
}

export async function sampleSearch() {
  const catalog = await loadAssetCatalog();
  const index = new SearchIndex(catalog.assets);
  const service = new SearchService(index);
  const run = (body: unknown, caller: Caller = ANONYMOUS): SearchResponse => service.search(parseSearchRequest(body), caller);
  const names = (body: unknown, caller?: Caller) => run(body, caller).hits.results.map((r) => String(r.repositoryMetadata['repo:name']));
  return { catalog, index, service, run, names };
}
