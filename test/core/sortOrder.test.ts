import { describe, expect, it } from 'vitest';
import { orderByFor, SORT_FIELDS } from '../../src/core/sortOrder.ts';
import { parseOrderBy } from '../../demo/emulator/search/orderBy.ts';

describe('orderByFor', () => {
  it('leaves orderBy out for relevance, in either direction', () => {
    expect(orderByFor('relevance', 'desc')).toBeUndefined();
    expect(orderByFor('relevance', 'asc')).toBeUndefined();
  });

  it('maps each field to its repository path', () => {
    expect(orderByFor('name', 'asc')).toBe('repositoryMetadata.repo:name asc');
    expect(orderByFor('created', 'desc')).toBe('repositoryMetadata.repo:createDate desc');
    expect(orderByFor('size', 'asc')).toBe('repositoryMetadata.repo:size asc');
  });

  it('gives orderBy strings the emulator accepts', () => {
    for (const field of SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const orderBy = orderByFor(field, direction);
        if (orderBy !== undefined) expect(() => parseOrderBy(orderBy)).not.toThrow();
      }
    }
  });
});
