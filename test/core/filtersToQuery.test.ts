import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_GROUPS, facetRequestsFor, filtersToQuery, KIND_MIME_TYPES } from '../../src/core/filtersToQuery.ts';
import { foldQuery } from '../../src/core/queryBuilder.ts';
import { kindOf } from '../../src/core/normalizeAsset.ts';
import type { FilterGroup, FilterValue } from '../../src/core/options.ts';
import type { QueryNode } from '../../src/core/types.ts';
import { sampleSearch } from '../emulator/searchFixture.ts';

const FORMAT = 'repositoryMetadata.dc:format';
const KEYWORDS = 'assetMetadata.xcm:keywords';
const CREATED = 'repositoryMetadata.repo:createDate';
const SIZE = 'repositoryMetadata.repo:size';

describe('KIND_MIME_TYPES', () => {
  it('agrees with kindOf', () => {
    for (const [kind, types] of Object.entries(KIND_MIME_TYPES)) for (const type of types) expect(kindOf(type)).toBe(kind);
  });
});

describe('DEFAULT_FILTER_GROUPS', () => {
  it('has kind, format, keywords, created and size over the contract fields', () => {
    expect(DEFAULT_FILTER_GROUPS.map((g) => [g.id, g.type, 'field' in g ? g.field : undefined])).toEqual([
      ['kind', 'kind', undefined],
      ['format', 'values', FORMAT],
      ['keywords', 'values', KEYWORDS],
      ['created', 'dateRange', CREATED],
      ['size', 'numberRange', SIZE],
    ]);
  });
});

describe('filtersToQuery', () => {
  const run = (state: Record<string, FilterValue>) => filtersToQuery(DEFAULT_FILTER_GROUPS, state);

  it('gives nothing for no state', () => {
    expect(run({})).toEqual([]);
  });

  it('ORs within a group (one term) and ANDs across groups (one node each)', () => {
    expect(run({ format: ['image/jpeg', 'image/png'], keywords: ['sky'] })).toEqual([
      { term: { [FORMAT]: ['image/jpeg', 'image/png'] } },
      { term: { [KEYWORDS]: ['sky'] } },
    ]);
  });

  it('turns kinds into their MIME types', () => {
    expect(run({ kind: ['video', 'document'] })).toEqual([{ term: { [FORMAT]: [...KIND_MIME_TYPES.video, ...KIND_MIME_TYPES.document] } }]);
    expect(run({ kind: ['nonsense'] })).toEqual([]);
  });

  it('makes date ranges inclusive of the whole "to" day (UTC)', () => {
    expect(run({ created: { from: '2024-01-01', to: '2024-01-31' } })).toEqual([
      { range: { [CREATED]: { gte: '2024-01-01T00:00:00.000Z', lte: '2024-01-31T23:59:59.999Z' } } },
    ]);
    expect(run({ created: { to: '2024-02-29' } })).toEqual([{ range: { [CREATED]: { lte: '2024-02-29T23:59:59.999Z' } } }]);
    expect(run({ created: { from: '2024-01-01T12:00:00Z' } })).toEqual([{ range: { [CREATED]: { gte: '2024-01-01T12:00:00Z' } } }]);
  });

  it('ignores half-typed and impossible dates', () => {
    expect(run({ created: { from: '2024-0', to: '' } })).toEqual([]);
    expect(run({ created: { to: '2023-02-29' } })).toEqual([]);
    expect(run({ created: { from: 'yesterday', to: '2024-01-01' } })).toEqual([{ range: { [CREATED]: { lte: '2024-01-01T23:59:59.999Z' } } }]);
  });

  it('makes number ranges inclusive, and ignores non-finite bounds', () => {
    expect(run({ size: { min: 1000, max: 5000 } })).toEqual([{ range: { [SIZE]: { gte: 1000, lte: 5000 } } }]);
    expect(run({ size: { min: 0 } })).toEqual([{ range: { [SIZE]: { gte: 0 } } }]);
    expect(run({ size: { min: Number.NaN } })).toEqual([]);
  });

  it('ignores state of the wrong shape, empty lists and unknown groups', () => {
    expect(run({ kind: { from: 'x' }, format: [], created: ['2024-01-01'], size: { from: '1' }, nope: ['x'] } as Record<string, FilterValue>)).toEqual([]);
  });

  it('works for host groups with static values', () => {
    const groups: FilterGroup[] = [{ id: 'status', label: 'Status', type: 'values', field: 'assetMetadata.x:status', values: [{ value: 'a' }, { value: 'b' }] }];
    expect(filtersToQuery(groups, { status: ['b', 'b'] })).toEqual([{ term: { 'assetMetadata.x:status': ['b'] } }]);
  });
});

describe('facetRequestsFor', () => {
  it('asks one CATEGORY facet per values group without static values, named by the group id', () => {
    expect(facetRequestsFor(DEFAULT_FILTER_GROUPS)).toEqual([
      { type: 'CATEGORY', id: 'format', field: FORMAT, size: 20 },
      { type: 'CATEGORY', id: 'keywords', field: KEYWORDS, size: 20 },
    ]);
    const groups: FilterGroup[] = [
      { id: 'a', label: 'A', type: 'values', field: 'assetMetadata.a', values: [{ value: 'x' }] },
      { id: 'b', label: 'B', type: 'values', field: 'assetMetadata.b', size: 5 },
      { id: 'c', label: 'C', type: 'values', field: 'assetMetadata.c', values: [] },
    ];
    expect(facetRequestsFor(groups)).toEqual([
      { type: 'CATEGORY', id: 'b', field: 'assetMetadata.b', size: 5 },
      { type: 'CATEGORY', id: 'c', field: 'assetMetadata.c', size: 20 },
    ]);
  });
});

describe('against the emulator', () => {
  let search: Awaited<ReturnType<typeof sampleSearch>>;
  beforeAll(async () => {
    search = await sampleSearch();
  });
  const names = (state: Record<string, FilterValue>) =>
    search.names({ query: foldQuery(filtersToQuery(DEFAULT_FILTER_GROUPS, state)), limit: 50 }).sort();
  const all = () => names({});

  it('each kind finds exactly the assets of that kind', () => {
    const everything = search.run({ query: foldQuery([]), limit: 50 }).hits.results;
    for (const kind of ['image', 'video', 'document'] as const) {
      const expected = everything.filter((hit) => kindOf(String(hit.repositoryMetadata['dc:format'])) === kind).map((hit) => String(hit.repositoryMetadata['repo:name']));
      expect(names({ kind: [kind] })).toEqual(expected.sort());
    }
    expect(names({ kind: ['image', 'video', 'document'] }).length).toBe(all().length);
  });

  it('keywords OR within the group', () => {
    const sky = names({ keywords: ['sky'] });
    const water = names({ keywords: ['water'] });
    expect(names({ keywords: ['sky', 'water'] })).toEqual([...new Set([...sky, ...water])].sort());
  });

  it('the whole "to" day counts (aqua.jpg was created 2008-03-14T16:22Z)', () => {
    expect(names({ created: { from: '2008-03-14', to: '2008-03-14' } })).toEqual(['aqua.jpg']);
    expect(names({ created: { to: '2008-03-13' } })).not.toContain('aqua.jpg');
  });

  it('groups AND together, with facets the emulator accepts', () => {
    const query: QueryNode[] = foldQuery(filtersToQuery(DEFAULT_FILTER_GROUPS, { keywords: ['sky'], size: { max: 1 } }));
    expect(search.names({ query })).toEqual([]);
    const response = search.run({ query: foldQuery([]), facets: facetRequestsFor(DEFAULT_FILTER_GROUPS) });
    expect(response.facets?.map((f) => f.id)).toEqual(['format', 'keywords']);
  });
});
