import { fieldValues } from './fieldPath.ts';
import type { SearchIndex } from './searchIndex.ts';
import type { FacetResult as FacetResultContract } from '../../../src/core/types.ts';
import type { ParsedFacetRequest } from './searchRequest.ts';

/** The contract's `FacetResult`; the emulator also echoes the field it counted. */
type FacetResult = FacetResultContract & { field: string };

/** Counts of each value of a field over all hits (not just the page), most frequent first. */
export function computeFacets(index: SearchIndex, hits: Int32Array, requests: ParsedFacetRequest[]): FacetResult[] {
  return requests.map((request) => {
    const counts = new Map<string | number | boolean, number>();
    for (const doc of hits) {
      for (const value of new Set(fieldValues(index.docs[doc]!, request.field))) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts]
      .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
      .slice(0, request.size)
      .map(([value, count]) => ({ value, count }));
    return { id: request.id, type: 'CATEGORY', field: request.field.path, values };
  });
}
