import { describe, expect, it } from 'vitest';
import { emptyAdvancedQuery, newAdvancedRow } from '../../src/core/advancedQuery.ts';
import { KIND_MIME_TYPES } from '../../src/core/filtersToQuery.ts';
import { PAGE_SIZE, searchRequestFor } from '../../src/ui/searchRequestFor.ts';

const base = { text: '', filters: {}, sort: { field: 'relevance' as const, direction: 'desc' as const }, advanced: emptyAdvancedQuery() };

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
      scope: [{ term: { 'assetMetadata.dam:assetStatus': ['approved'] } }],
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
      groups: [{ id: 'status', label: 'Status', type: 'values', field: 'assetMetadata.dam:assetStatus', values: [{ value: 'approved' }] }],
    });
    expect(request.query).toEqual([{ term: { 'assetMetadata.dam:assetStatus': ['approved'] } }]);
    expect(request.facets).toBeUndefined();
  });
});
