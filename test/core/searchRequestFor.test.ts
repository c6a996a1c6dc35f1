import { describe, expect, it } from 'vitest';
import { emptyAdvancedQuery, newAdvancedRow } from '../../src/core/advancedQuery.ts';
import { KIND_MIME_TYPES } from '../../src/core/filtersToQuery.ts';
import { groupFacetRequestFor, PAGE_SIZE, pageRequestFor, searchRequestFor } from '../../src/core/searchRequestFor.ts';

const base = { text: '', filters: {}, sort: { field: 'relevance' as const, direction: 'desc' as const }, advanced: emptyAdvancedQuery(), options: {} };

describe('searchRequestFor', () => {
  it('matches everything without input, in relevance order, with the default facets', () => {
    expect(searchRequestFor(base)).toEqual({
      query: [{ match: { text: '*' } }],
      limit: PAGE_SIZE,
      facets: [
        { type: 'CATEGORY', id: 'format', field: 'repositoryMetadata.dc:format', size: 20 },
        { type: 'CATEGORY', id: 'keywords', field: 'assetMetadata.xcm:keywords', size: 20 },
      ],
    });
  });

  it('ANDs the trimmed text, the filters, the advanced query and the host scope', () => {
    const advanced = { join: 'and' as const, active: true, items: [newAdvancedRow({ field: 'assetMetadata.dc:title', operator: 'contains', value: 'hills' })] };
    const request = searchRequestFor({
      ...base,
      text: '  kite ',
      filters: { kind: ['image'] },
      sort: { field: 'size', direction: 'asc' },
      advanced,
      options: { query: [{ term: { 'assetMetadata.dam:assetStatus': ['approved'] } }] },
    });
    expect(request.query).toEqual([
      { term: { 'assetMetadata.dam:assetStatus': ['approved'] } },
      { match: { text: 'kite' } },
      { term: { 'repositoryMetadata.dc:format': [...KIND_MIME_TYPES.image] } },
      { match: { text: 'hills', fields: ['assetMetadata.dc:title'] } },
    ]);
    expect(request.orderBy).toBe('repositoryMetadata.repo:size asc');
  });

  it('leaves an inactive advanced query out, and uses the host groups for filters and facets', () => {
    const advanced = { join: 'and' as const, active: false, items: [newAdvancedRow({ value: 'x' })] };
    const request = searchRequestFor({
      ...base,
      advanced,
      filters: { status: ['approved'], kind: ['image'] },
      options: { filters: [{ id: 'status', label: 'Status', type: 'values', field: 'assetMetadata.dam:assetStatus', values: [{ value: 'approved' }] }] },
    });
    expect(request.query).toEqual([{ term: { 'assetMetadata.dam:assetStatus': ['approved'] } }]);
    expect(request.facets).toBeUndefined();
  });

  it("asks for a group's own facet without that group's filter, in one hit", () => {
    const keywords = { id: 'keywords', label: 'Keywords', type: 'values' as const, field: 'assetMetadata.xcm:keywords' };
    const request = groupFacetRequestFor({ ...base, text: 'kite', filters: { keywords: ['sky'], kind: ['video'] } }, keywords);
    expect(request).toEqual({
      query: [{ match: { text: 'kite' } }, { term: { 'repositoryMetadata.dc:format': [...KIND_MIME_TYPES.video] } }],
      limit: 1,
      facets: [{ type: 'CATEGORY', id: 'keywords', field: 'assetMetadata.xcm:keywords', size: 20 }],
    });
  });

  it('asks for the second page with the cursor and without the facets, which come from the first page', () => {
    const first = searchRequestFor({ ...base, text: 'kite', sort: { field: 'size', direction: 'asc' } });
    expect(pageRequestFor(first, undefined)).toBe(first);
    expect(JSON.parse(JSON.stringify(pageRequestFor(first, 'c2')))).toEqual({
      query: [{ match: { text: 'kite' } }],
      orderBy: 'repositoryMetadata.repo:size asc',
      limit: PAGE_SIZE,
      cursor: 'c2',
    });
    // The first page's request is left as it was.
    expect(first.facets).toHaveLength(2);
  });
});
