import type { SearchResponse } from '../../../src/core/types.ts';
import type { Caller } from '../auth/caller.ts';
import { sha1 } from '../catalog/assetId.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { servedAssetMetadata } from '../catalog/servedAssetMetadata.ts';
import { badRequest } from '../http/problem.ts';
import { ByteBudgetCache } from './byteBudgetCache.ts';
import { evaluateQuery } from './evaluateQuery.ts';
import { computeFacets } from './facets.ts';
import { parseFieldPath } from './fieldPath.ts';
import { parseOrderBy } from './orderBy.ts';
import { createCursorCodec, type CursorCodec } from './searchCursor.ts';
import type { SearchIndex } from './searchIndex.ts';
import type { ParsedSearchRequest } from './searchRequest.ts';

/** `totalCount` is capped like a real repository's, which never counts past 10,000. */
const TOTAL_COUNT_CAP = 10_000;
/** Budgets of the hit-list and sort-order caches: 32 MiB each holds 80 lists at 100,000 assets. */
const CACHE_BYTES = 32 * 1024 * 1024;
const CREATE_DATE = parseFieldPath('repositoryMetadata.repo:createDate')!;
const listBytes = (list: Int32Array) => list.byteLength + 64;

/**
 * Runs searches over the index for a caller. The ordered hit list of a search is cached (per
 * caller roles and minute, since on/off times move with the clock), so paging with a cursor costs
 * one slice, and a page follows exactly from where the previous one ended.
 */
export class SearchService {
  private readonly cache: ByteBudgetCache<Int32Array>;
  private readonly orders: ByteBudgetCache<Int32Array>;
  private readonly cursors: CursorCodec;
  /** The index version the caches were filled at. */
  private cachedVersion = 0;

  /** `cacheBytes` is the budget of each of the two caches (32 MiB). */
  constructor(
    private readonly index: SearchIndex,
    { cursors = createCursorCodec(), cacheBytes = CACHE_BYTES }: { cursors?: CursorCodec; cacheBytes?: number } = {},
  ) {
    this.cache = new ByteBudgetCache(cacheBytes, listBytes);
    this.orders = new ByteBudgetCache(cacheBytes, listBytes);
    this.cursors = cursors;
  }

  search(request: ParsedSearchRequest, caller: Caller, now: number = Date.now()): SearchResponse {
    this.dropStaleCaches();
    const searchHash = sha1(JSON.stringify([request.query, request.orderBy ?? ''])).slice(0, 16);
    const hits = this.orderedHits(request, caller, now, searchHash);

    let start = 0;
    if (request.cursor !== undefined) {
      const state = this.cursors.decode(request.cursor, searchHash);
      start = this.resume(hits, state.position, state.lastId);
    }
    const page = hits.subarray(start, start + request.limit);
    const end = start + page.length;
    const response: SearchResponse = {
      hits: {
        results: Array.from(page, (doc) => {
          const asset = this.index.docs[doc]!;
          return { assetId: asset.id, repositoryMetadata: asset.repositoryMetadata, assetMetadata: servedAssetMetadata(asset) };
        }),
      },
      search_metadata: {
        count: page.length,
        totalCount: hits.length > TOTAL_COUNT_CAP ? { total: TOTAL_COUNT_CAP, relation: 'gte' } : { total: hits.length, relation: 'eq' },
      },
    };
    if (end < hits.length) {
      response.cursor = this.cursors.encode({ search: searchHash, position: end, lastId: this.index.docs[hits[end - 1]!]!.id });
    }
    if (request.facets.length > 0) response.facets = computeFacets(this.index, hits, request.facets);
    return response;
  }

  /** Hit lists and orders describe the index as it was: a write makes them all stale. */
  private dropStaleCaches(): void {
    if (this.index.version === this.cachedVersion) return;
    this.cache.clear();
    this.orders.clear();
    this.cachedVersion = this.index.version;
  }

  /** Continues after the last asset the previous page showed, even if visibility changed meanwhile. */
  private resume(hits: Int32Array, position: number, lastId: string): number {
    const docs = this.index.docs;
    if (position > 0 && position <= hits.length && docs[hits[position - 1]!]!.id === lastId) return position;
    const found = hits.findIndex((doc) => docs[doc]!.id === lastId);
    if (found >= 0) return found + 1;
    throw badRequest('cursor', 'the page it continues no longer exists; start the search again');
  }

  private orderedHits(request: ParsedSearchRequest, caller: Caller, now: number, searchHash: string): Int32Array {
    const key = `${searchHash}|${[...caller.roles].sort().join(',')}|${Math.floor(now / 60_000)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { mask, scores } = evaluateQuery(this.index, request.query);
    for (const doc of this.index.gated) {
      if (mask[doc] && !isVisible(this.index.docs[doc]!, caller, now)) mask[doc] = 0;
    }
    // Walking a precomputed order and keeping the hits is linear; only relevance needs a sort.
    const hits: number[] = [];
    for (const doc of this.order(request.orderBy)) if (mask[doc]) hits.push(doc);
    if (request.orderBy === undefined && hits.some((doc) => scores[doc] !== 0)) {
      hits.sort((a, b) => scores[b]! - scores[a]!); // stable: equal scores keep the newest-first order
    }
    const result = Int32Array.from(hits);
    this.cache.set(key, result);
    return result;
  }

  /** What the caches hold, against their budgets. */
  cacheStats() {
    return { hits: this.cache.stats(), orders: this.orders.stats() };
  }

  /**
   * Every document in `orderBy` order (newest first without one), computed once per distinct
   * order: a host uses a handful of sort orders, so each search after the first is a filter.
   * Keys on fields no document has order nothing and are dropped, so they add no entries.
   */
  private order(orderBy: string | undefined): Int32Array {
    const keys = (orderBy ? parseOrderBy(orderBy) : [{ field: CREATE_DATE, descending: true }]).flatMap(({ field, descending }) => {
      const ranks = this.index.rank(field);
      return ranks ? [{ path: field.path, ranks, descending }] : [];
    });
    const key = keys.map(({ path, descending }) => `${path} ${descending ? 'desc' : 'asc'}`).join(',');
    let order = this.orders.get(key);
    if (!order) {
      const missing = this.index.slots;
      order = Int32Array.from(this.index.docs.keys()).sort((a, b) => {
        for (const { ranks, descending } of keys) {
          const ra = ranks[a]!;
          const rb = ranks[b]!;
          if (ra === rb) continue;
          // Documents without the field sort last in both directions.
          if (ra === missing) return 1;
          if (rb === missing) return -1;
          return descending ? rb - ra : ra - rb;
        }
        return a - b;
      });
      this.orders.set(key, order);
    }
    return order;
  }
}
