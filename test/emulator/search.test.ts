import { beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { syntheticCatalog } from '../../demo/emulator/catalog/syntheticCatalog.ts';
import { SearchIndex } from '../../demo/emulator/search/searchIndex.ts';
import { SearchService } from '../../demo/emulator/search/searchService.ts';
import { parseSearchRequest } from '../../demo/emulator/search/searchRequest.ts';
import { ANONYMOUS } from '../../demo/emulator/auth/caller.ts';
import { ALL_HIDDEN, HIDDEN, PUBLIC_COUNT, callerWith, sampleSearch } from './searchFixture.ts';

let s: Awaited<ReturnType<typeof sampleSearch>>;
beforeAll(async () => {
  s = await sampleSearch();
});

const q = (...query: unknown[]) => ({ query, limit: 50 });
const sorted = (list: string[]) => [...list].sort();

describe('match', () => {
  it('"*" matches every visible asset', () => {
    const response = s.run(q({ match: { text: '*' } }));
    expect(response.search_metadata).toEqual({ count: PUBLIC_COUNT, totalCount: { total: PUBLIC_COUNT, relation: 'eq' } });
  });

  it('is tokenized and case-insensitive, and needs every word', () => {
    expect(sorted(s.names(q({ match: { text: 'KITE' } })))).toEqual(['kite-flight.mp4', 'kite.jpg']);
    expect(s.names(q({ match: { text: 'cat,  CHELSEA!' } }))).toEqual(['chelsea-cat.jpg']);
    expect(s.names(q({ match: { text: 'kite astronaut' } }))).toEqual([]);
  });

  it('matches word prefixes as the user types', () => {
    expect(s.names(q({ match: { text: 'astro' } }))).toEqual(['astronaut.jpg']);
  });

  it('searches only the given fields', () => {
    // "hills" is in the kite's title; its keywords do not have it.
    expect(s.names(q({ match: { text: 'hills', fields: ['assetMetadata.dc:title'] } }))).toEqual(['kite.jpg']);
    expect(s.names(q({ match: { text: 'hills', fields: ['metadata.assetMetadata.xcm:keywords'] } }))).toEqual([]);
  });

  it('ranks a title match above a description-only match', () => {
    const names = s.names(q({ match: { text: 'flower' } }));
    expect(names.slice(0, 1)).toEqual(['yellow-flower.jpg']);
    expect(names).toContain('ladybird.jpg');
  });
});

describe('term, range, exists', () => {
  it('term matches exact values, any of a list, with or without the metadata. prefix', () => {
    const body = q({ term: { 'repositoryMetadata.repo:name': ['kite.jpg', 'coffee.jpg', 'nope.jpg'] } });
    expect(sorted(s.names(body))).toEqual(['coffee.jpg', 'kite.jpg']);
    expect(sorted(s.names(q({ term: { 'metadata.repositoryMetadata.repo:name': ['kite.jpg', 'coffee.jpg'] } })))).toEqual(['coffee.jpg', 'kite.jpg']);
    expect(s.names(q({ term: { 'repositoryMetadata.repo:name': ['KITE.JPG'] } }))).toEqual([]);
  });

  it('term matches any element of an array field', () => {
    const names = s.names(q({ term: { 'assetMetadata.xcm:keywords': ['space'] } }));
    expect(sorted(names)).toEqual(['astronaut.jpg', 'hubble-deep-field.jpg', 'rocket.jpg']);
  });

  it('term on repositoryMetadata.repo:assetId names assets by id (a collection scope), hidden ones still hidden', () => {
    const byName = new Map(s.catalog.assets.map((a) => [a.name, a.id]));
    const ids = ['kite.jpg', 'rocket.jpg', 'storm.jpg', 'evening-glow.jpg'].map((name) => byName.get(name)!);
    const body = q({ term: { 'repositoryMetadata.repo:assetId': [...ids, 'urn:aaid:aem:00000000-0000-0000-0000-000000000000'] } });
    expect(sorted(s.names(body))).toEqual(['kite.jpg', 'rocket.jpg']);
    expect(sorted(s.names(body, callerWith('dev-token-marketing')))).toEqual(['evening-glow.jpg', 'kite.jpg', 'rocket.jpg']);
    // AND-ed with text, filters and facets as any clause is.
    const scoped = s.run({ ...q({ match: { text: 'kite' } }, { term: { 'metadata.repositoryMetadata.repo:assetId': ids } }), facets: [{ type: 'CATEGORY', id: 'f', field: 'repositoryMetadata.dc:format' }] });
    expect(scoped.hits.results.map((r) => r.assetId)).toEqual([byName.get('kite.jpg')]);
    expect(scoped.facets?.[0]?.values).toEqual([{ value: 'image/jpeg', count: 1 }]);
  });

  it('range filters numbers with every bound', () => {
    const all = s.run(q({ match: { text: '*' } })).hits.results;
    const sizes = all.map((r) => r.repositoryMetadata['repo:size'] as number);
    const gte = (n: number) => sizes.filter((x) => x >= n).length;
    expect(s.run(q({ range: { 'repositoryMetadata.repo:size': { gte: 200_000 } } })).search_metadata.count).toBe(gte(200_000));
    expect(s.run(q({ range: { 'repositoryMetadata.repo:size': { gt: 44_473 } } })).hits.results.every((r) => (r.repositoryMetadata['repo:size'] as number) > 44_473)).toBe(true);
    expect(s.names(q({ range: { 'repositoryMetadata.repo:size': { gte: 44_473, lte: 44_473 } } }))).toEqual(['astronaut.jpg']);
    expect(s.run(q({ range: { 'assetMetadata.tiff:ImageWidth': { lt: 600 } } })).hits.results.map((r) => r.repositoryMetadata['repo:name']).sort()).toEqual([
      'astronaut.jpg',
      'chelsea-cat.jpg',
    ]);
  });

  it('range filters ISO dates', () => {
    const all = s.run(q({ match: { text: '*' } })).hits.results;
    const dates = all.map((r) => Date.parse(r.repositoryMetadata['repo:createDate'] as string));
    const cut = '2010-01-01T00:00:00Z';
    const expected = dates.filter((d) => d < Date.parse(cut)).length;
    expect(expected).toBeGreaterThan(0);
    expect(s.run(q({ range: { 'repositoryMetadata.repo:createDate': { lt: cut } } })).search_metadata.count).toBe(expected);
  });

  it('exists finds assets that have a field', () => {
    expect(s.run(q({ exists: { field: 'assetMetadata.dc:description' } })).search_metadata.count).toBe(PUBLIC_COUNT);
    // Only the expired photo has an expiration date, and it is hidden.
    expect(s.run(q({ exists: { field: 'assetMetadata.pur:expirationDate' } })).search_metadata.count).toBe(0);
  });
});

describe('and, or, not', () => {
  it('combine and nest', () => {
    const spaceOrCat = { or: [{ term: { 'assetMetadata.xcm:keywords': ['space'] } }, { match: { text: 'cat' } }] };
    expect(sorted(s.names(q(spaceOrCat)))).toEqual(['astronaut.jpg', 'chelsea-cat.jpg', 'hubble-deep-field.jpg', 'rocket.jpg']);
    const notRocket = { not: [{ term: { 'repositoryMetadata.repo:name': ['rocket.jpg'] } }, { match: { text: 'astronaut' } }] };
    expect(sorted(s.names(q({ and: [spaceOrCat, notRocket] })))).toEqual(['chelsea-cat.jpg', 'hubble-deep-field.jpg']);
    // Top-level nodes are AND-ed.
    expect(s.names(q(spaceOrCat, { match: { text: 'galaxy' } }))).toEqual(['hubble-deep-field.jpg']);
  });
});

describe('order and paging', () => {
  it('orders by several keys, ascending and descending', () => {
    const bySize = s.run({ query: [{ match: { text: '*' } }], orderBy: 'repositoryMetadata.repo:size desc', limit: 50 }).hits.results.map(
      (r) => r.repositoryMetadata['repo:size'] as number,
    );
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
    const byWidthThenName = s.run({
      query: [{ match: { text: '*' } }],
      orderBy: 'metadata.assetMetadata.tiff:ImageWidth asc, repositoryMetadata.repo:name desc',
      limit: 50,
    }).hits.results.map((r) => [r.assetMetadata['tiff:ImageWidth'] as number | undefined, r.repositoryMetadata['repo:name'] as string] as const);
    // The PDF has no pixel width: it sorts last.
    expect(byWidthThenName.at(-1)).toEqual([undefined, 'brand-guidelines.pdf']);
    const measured = byWidthThenName.slice(0, -1) as Array<readonly [number, string]>;
    expect(measured).toEqual([...measured].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? 1 : -1)));
  });

  it('pages through every asset exactly once with the cursor', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = s.run({ query: [{ match: { text: '*' } }], orderBy: 'repositoryMetadata.repo:name asc', limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...page.hits.results.map((r) => r.assetId));
      expect(page.search_metadata.totalCount.total).toBe(PUBLIC_COUNT);
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(PUBLIC_COUNT / 5));
    expect(seen).toHaveLength(PUBLIC_COUNT);
    expect(new Set(seen).size).toBe(PUBLIC_COUNT);
  });

  it('rejects a cursor from another query, or a forged one', () => {
    const first = s.run({ query: [{ match: { text: '*' } }], limit: 5 });
    expect(first.cursor).toBeTruthy();
    const reuse = () => s.run({ query: [{ match: { text: 'water' } }], limit: 5, cursor: first.cursor });
    expect(reuse).toThrow(/cursor/);
    const forged = first.cursor!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => s.run({ query: [{ match: { text: '*' } }], limit: 5, cursor: forged })).toThrow(ProblemError);
    expect(() => s.run({ query: [{ match: { text: '*' } }], limit: 5, cursor: 'bogus' })).toThrow(/^cursor: /);
  });

  it('caps totalCount at 10,000 with relation gte', async () => {
    const catalog = syntheticCatalog(await loadAssetCatalog(), 12_000);
    const service = new SearchService(new SearchIndex(catalog.assets));
    const response = service.search(parseSearchRequest({ query: [{ match: { text: '*' } }] }), ANONYMOUS);
    expect(response.search_metadata.totalCount).toEqual({ total: 10_000, relation: 'gte' });
    expect(response.search_metadata.count).toBe(24);
  });
});

describe('facets', () => {
  it('count each value over all hits, most frequent first', () => {
    const response = s.run({ query: [{ match: { text: '*' } }], limit: 1, facets: [{ type: 'CATEGORY', id: 'kw', field: 'assetMetadata.xcm:keywords', size: 100 }] });
    const facet = response.facets![0]!;
    expect(facet.id).toBe('kw');
    const counts = facet.values.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const { value, count } of facet.values.slice(0, 5)) {
      expect(s.run(q({ term: { 'assetMetadata.xcm:keywords': [value] } })).search_metadata.count).toBe(count);
    }
  });
});

describe('hidden assets never leak', () => {
  const everything = { query: [{ match: { text: '*' } }], limit: 50, facets: [{ type: 'CATEGORY', field: 'assetMetadata.xcm:keywords', size: 100 }, { type: 'CATEGORY', field: 'repositoryMetadata.repo:name', size: 100 }] };

  it('not through search results, term lookups or facets', () => {
    const response = s.run(everything);
    const names = response.hits.results.map((r) => r.repositoryMetadata['repo:name']);
    for (const hidden of ALL_HIDDEN) {
      expect(names).not.toContain(hidden);
      expect(s.names(q({ term: { 'repositoryMetadata.repo:name': [hidden] } }))).toEqual([]);
    }
    const keywords = response.facets![0]!.values.map((v) => v.value);
    // Words that only hidden photos carry.
    for (const word of ['storm', 'road', 'medical', 'boat']) expect(keywords).not.toContain(word);
    const facetNames = response.facets![1]!.values.map((v) => v.value);
    expect(facetNames).toHaveLength(PUBLIC_COUNT);
    for (const hidden of ALL_HIDDEN) expect(facetNames).not.toContain(hidden);
    expect(s.names(q({ match: { text: 'storm' } }))).toEqual([]);
  });

  it('restricted assets appear only for callers with the role', () => {
    const marketing = s.names(everything, callerWith('dev-token-marketing'));
    expect(marketing).toEqual(expect.arrayContaining(HIDDEN.marketing));
    expect(marketing).not.toContain(HIDDEN.legal[0]);
    expect(marketing).toHaveLength(PUBLIC_COUNT + 2);
    expect(s.names(everything, callerWith('dev-token-all'))).toHaveLength(PUBLIC_COUNT + 3);
    // No role unlocks what is unapproved or outside its on/off time.
    const all = s.names(everything, callerWith('dev-token-all'));
    for (const name of [...HIDDEN.rejected, ...HIDDEN.draft, ...HIDDEN.expired, ...HIDDEN.future]) expect(all).not.toContain(name);
  });
});

describe('bad requests name what is wrong', () => {
  const bad = (body: unknown, parameter: RegExp) => {
    let error: unknown;
    try {
      s.run(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    expect((error as ProblemError).message).toMatch(parameter);
  };

  it.each([
    [{ query: [{ fuzzy: { text: 'x' } }] }, /^query\[0\]: unknown query node type "fuzzy"/],
    [{ query: Array.from({ length: 6 }, () => ({ match: { text: '*' } })) }, /^query: must hold 1 to 5 nodes, got 6/],
    [{ query: [] }, /^query: must hold 1 to 5/],
    [{ query: [{ match: { text: '*' } }], limit: 0 }, /^limit: /],
    [{ query: [{ match: { text: '*' } }], limit: 51 }, /^limit: /],
    [{ query: [{ match: { text: '*' } }], limit: '10' }, /^limit: /],
    [{ query: [{ range: { 'repositoryMetadata.repo:size': { gte: 'big' } } }] }, /^query\[0\]\.range\.repositoryMetadata\.repo:size\.gte: /],
    [{ query: [{ range: { 'repositoryMetadata.repo:size': { from: 1 } } }] }, /\.from: unknown bound/],
    [{ query: [{ term: { title: ['x'] } }] }, /^query\[0\]\.term\.title: "title" is not a field path/],
    [{ query: [{ match: { text: '' } }] }, /^query\[0\]\.match\.text: /],
    [{ query: [{ and: [{ match: { text: '*' } }], or: [] }] }, /^query\[0\]: must have exactly one operator/],
    [{ query: [{ match: { text: '*' } }], orderBy: 'repositoryMetadata.repo:size sideways' }, /^orderBy: /],
    [{ query: [{ match: { text: '*' } }], facets: [{ type: 'RANGE', field: 'repositoryMetadata.repo:size' }] }, /^facets\[0\]\.type: /],
    [{ query: [{ match: { text: '*' } }], sort: 'x' }, /^sort: unknown property/],
    [[{ match: { text: '*' } }], /^body: /],
  ])('%j', (body, parameter) => bad(body, parameter));

  it('rejects runaway nesting', () => {
    let node: unknown = { match: { text: '*' } };
    for (let i = 0; i < 12; i++) node = { and: [node] };
    bad({ query: [node] }, /nest at most/);
  });
});
