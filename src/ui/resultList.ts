import { normalizeAsset } from '../core/normalizeAsset.ts';
import type { AssetHit, AssetSummary, SearchResponse } from '../core/types.ts';

/**
 * A page of search results as the results query keeps it. The pages after the first keep their
 * hits as the JSON text they came as (`packed`), not as objects: scrolled through, 100,000 results
 * were some 3 million objects and strings that every full garbage collection had to trace (25 ms
 * pauses in the middle of scrolling); as text they are one string per page. A page's hits become
 * objects again while its rows are on screen (a few pages, ResultList). The first page stays as it
 * came: the count, the facets and the page-wide first-page memory read it.
 */
export interface ResultsPage extends SearchResponse {
  packed?: { count: number; text: string };
}

/** A next page as the results query keeps it (see ResultsPage). */
export function packPage(page: SearchResponse): ResultsPage {
  return { ...page, hits: { results: [] }, packed: { count: page.hits.results.length, text: JSON.stringify(page.hits.results) } };
}

/** The loaded results, in order, read by index: what the grid needs of them. */
export interface ResultList {
  readonly length: number;
  /** The asset at `index`, undefined outside the list. */
  at(index: number): AssetSummary | undefined;
  /** Where the asset with `assetId` is, -1 when it is not loaded; `hint` is checked first (where it was). */
  indexOf(assetId: string, hint?: number): number;
}

/** Unpacked pages' assets, kept for the few most recently read: one per selector, shared by its successive lists. */
export interface UnpackedPages {
  pages: Map<ResultsPage, AssetSummary[]>;
}

/** Pages whose assets are kept unpacked: the rows on screen and their neighbours span two or three. */
const UNPACKED_KEPT = 6;

export function createUnpackedPages(): UnpackedPages {
  return { pages: new Map() };
}

// Each page that came as objects is normalized once, however often the list is rebuilt while scrolling.
const normalized = new WeakMap<SearchResponse, AssetSummary[]>();

function assetsOfPage(page: ResultsPage, unpacked: UnpackedPages): AssetSummary[] {
  if (!page.packed) {
    let assets = normalized.get(page);
    if (!assets) {
      assets = page.hits.results.map(normalizeAsset);
      normalized.set(page, assets);
    }
    return assets;
  }
  let assets = unpacked.pages.get(page);
  if (assets) {
    // Map order is insertion order: re-inserting keeps the most recently read last.
    unpacked.pages.delete(page);
  } else {
    assets = (JSON.parse(page.packed.text) as AssetHit[]).map(normalizeAsset);
    if (unpacked.pages.size >= UNPACKED_KEPT) unpacked.pages.delete(unpacked.pages.keys().next().value!);
  }
  unpacked.pages.set(page, assets);
  return assets;
}

const EMPTY: readonly ResultsPage[] = [];

/** The results of `pages` as a ResultList; O(pages) to make, O(log pages) to read an index. */
export function createResultList(pages: readonly ResultsPage[] = EMPTY, unpacked: UnpackedPages = createUnpackedPages()): ResultList {
  const starts: number[] = [];
  let length = 0;
  for (const page of pages) {
    starts.push(length);
    length += page.packed?.count ?? page.hits.results.length;
  }
  const pageOf = (index: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const at = (index: number) => {
    if (!(index >= 0 && index < length)) return undefined;
    const p = pageOf(index);
    return assetsOfPage(pages[p]!, unpacked)[index - starts[p]!];
  };
  return {
    length,
    at,
    indexOf(assetId, hint) {
      if (hint !== undefined && at(hint)?.assetId === assetId) return hint;
      const find = (p: number) => {
        const found = assetsOfPage(pages[p]!, unpacked).findIndex((asset) => asset.assetId === assetId);
        return found < 0 ? -1 : starts[p]! + found;
      };
      // The pages that are objects now first; a packed one only when its text names the asset.
      const ready = pages.map((page) => !page.packed || unpacked.pages.has(page));
      const named = `"assetId":${JSON.stringify(assetId)}`;
      for (const round of [true, false]) {
        for (let p = 0; p < pages.length; p++) {
          if (ready[p] !== round || (!round && !pages[p]!.packed!.text.includes(named))) continue;
          const index = find(p);
          if (index >= 0) return index;
        }
      }
      return -1;
    },
  };
}
