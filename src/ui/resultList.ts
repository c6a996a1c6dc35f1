import { normalizeAsset } from '../core/normalizeAsset.ts';
import type { AssetHit, AssetSummary, SearchResponse } from '../core/types.ts';

/**
 * A page of search results as the results query keeps it. The pages after the first keep their
 * hits packed, as their JSON text encoded in UTF-8 (`packed`), not as objects: scrolled through,
 * 100,000 results were some 3 million objects and strings that every full garbage collection had
 * to trace (25 ms pauses in the middle of scrolling). Nor as a string: some 700 bytes a result
 * inside the JavaScript heap, which every full collection then had to compact, grew its pauses
 * from 10 to 27 ms over 35,000 results; bytes in an ArrayBuffer live outside it. A page's hits
 * become objects again while its rows are on screen (a few pages, ResultList). The first page
 * stays as it came: the count, the facets and the page-wide first-page memory read it.
 */
export interface ResultsPage extends SearchResponse {
  packed?: {
    count: number;
    bytes: Uint8Array;
    /** The last asset looked for in these bytes and not found (ResultList.indexOf's memory). */
    lacks?: string;
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A next page as the results query keeps it (see ResultsPage). */
export function packPage(page: SearchResponse): ResultsPage {
  return { ...page, hits: { results: [] }, packed: { count: page.hits.results.length, bytes: encoder.encode(JSON.stringify(page.hits.results)) } };
}

/** The loaded results, in order, read by index: what the grid needs of them. */
export interface ResultList {
  readonly length: number;
  /** The asset at `index`, undefined outside the list. */
  at(index: number): AssetSummary | undefined;
  /** Where the asset with `assetId` is, -1 when it is not loaded; `hint` is checked first (where it was). */
  indexOf(assetId: string, hint?: number): number;
}

/**
 * Pages whose hits are objects now, the most recently read last: one map per selector, shared by
 * its successive lists. The rows on screen and their neighbours span two or three pages.
 */
export type UnpackedPages = Map<ResultsPage, AssetSummary[]>;
const UNPACKED_KEPT = 6;

function assetsOfPage(page: ResultsPage, unpacked: UnpackedPages): AssetSummary[] {
  let assets = unpacked.get(page);
  // Map order is insertion order: re-inserting keeps the most recently read last.
  if (assets) unpacked.delete(page);
  else {
    assets = (page.packed ? (JSON.parse(decoder.decode(page.packed.bytes)) as AssetHit[]) : page.hits.results).map(normalizeAsset);
    if (unpacked.size >= UNPACKED_KEPT) unpacked.delete(unpacked.keys().next().value!);
  }
  unpacked.set(page, assets);
  return assets;
}

/** The results of `pages` as a ResultList; O(pages) to make, O(log pages) to read an index. */
export function createResultList(pages: readonly ResultsPage[] = [], unpacked: UnpackedPages = new Map()): ResultList {
  const starts: number[] = [];
  let length = 0;
  for (const page of pages) {
    starts.push(length);
    length += page.packed?.count ?? page.hits.results.length;
  }
  const at = (index: number) => {
    if (!(index >= 0 && index < length)) return undefined;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return assetsOfPage(pages[low]!, unpacked)[index - starts[low]!];
  };
  return {
    length,
    at,
    indexOf(assetId, hint = -1) {
      if (at(hint)?.assetId === assetId) return hint;
      // A packed page is unpacked only when its bytes name the asset, and read only once for an
      // asset it lacks: a focused asset that is not loaded (focused before a new search) is looked
      // for again in every longer list as pages arrive, and would read them all each time.
      const named = `"assetId":${JSON.stringify(assetId)}`;
      for (let p = 0; p < pages.length; p++) {
        const page = pages[p]!;
        if (page.packed && (page.packed.lacks === assetId || !decoder.decode(page.packed.bytes).includes(named))) {
          page.packed.lacks = assetId;
          continue;
        }
        const found = assetsOfPage(page, unpacked).findIndex((asset) => asset.assetId === assetId);
        if (found >= 0) return starts[p]! + found;
      }
      return -1;
    },
  };
}
