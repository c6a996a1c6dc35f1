import { normalizeAsset } from '../core/normalizeAsset.ts';
import { requiresAuthorization } from '../core/requiresAuthorization.ts';
import { thumbnailSources } from '../core/srcset.ts';
import type { SearchResponse } from '../core/types.ts';
import type { SelectorStore } from '../store/createSelectorStore.ts';
import { gridLayout, GRID_PADDING, OVERSCAN_ROWS } from './gridLayout.ts';
import { stopLoading } from './useDeliveredImage.ts';
import type { ElementSize } from './useElementSize.ts';

/** The results pane last measured on this page: where a selector that has not measured its own starts. */
let lastPane: ElementSize | undefined;

/**
 * A selector's first screen of thumbnails, requested as soon as a search's first page arrives
 * rather than once the grid has rendered its cards. On a cold start rendering those cards is the
 * longest task before the first thumbnails (first-run code, the first style and layout), and the
 * thumbnails' requests used to wait for its end; now they travel while it runs, and the cards find
 * them in the browser's memory cache (the same `src`, `srcset` and `sizes`, so the same choice).
 * What the first screen holds comes from the results pane's size, which the skeletons measure
 * while the first page loads and the grid while it shows results; the grid starts at it too, so
 * its first render already has its rows. Public images only: a restricted one is fetched with the
 * token by its card (useDeliveredImage).
 */
export interface FirstScreen {
  /** The results pane's size as last measured, this selector's or else the page's last (the grid's first render). */
  readonly size: ElementSize | undefined;
  /**
   * A results pane is shown, the element `pane`, `size` big (0 × 0 while hidden: the script-tag
   * build's stylesheet is still loading). `waits`: it waits for a search's first page (the
   * skeletons, or the grid while it still shows the previous search's results); a grid showing
   * its search's own results (also while it checks them again) renders what arrives itself.
   * Returns its removal.
   */
  shown(size: ElementSize, pane: HTMLElement, waits: boolean): () => void;
  /** A search's first page arrived (before anything renders it). */
  arrived(page: SearchResponse): void;
  /**
   * Lets go of the requests: the cards shown since have joined those they wanted (the browser
   * loads an image once for every element asking for it). The images leave the page, and those
   * still loading lose their sources, which stops a load no card joined or whose card has gone
   * (the browser cancels a load nobody waits for; useDeliveredImage does the same for a card).
   */
  release(): void;
}

function createFirstScreen(store: SelectorStore): FirstScreen {
  let pane: ElementSize | undefined;
  let element: HTMLElement | undefined;
  /** A first page that arrived while the pane waited for one but had no size yet (still hidden). */
  let waiting: SearchResponse | undefined;
  /** The results pane shown, and whether it waits for a first page; undefined when none is. */
  let shown: { waits: boolean } | undefined;
  /**
   * The images that requested them, in a hidden element in the pane: Chromium keeps an image that
   * chose from a `srcset` and never was in a document for as long as the page lives (it listens
   * for the viewport's changes), one that leaves the document it lets go.
   */
  let holder: HTMLElement | undefined;

  const request = (page: SearchResponse) => {
    release();
    holder = element!.ownerDocument.createElement('div');
    holder.hidden = true;
    element!.append(holder);
    const { options, view } = store.getState();
    const { columns, thumbWidth, rowHeight } = gridLayout(pane!.width, view, options.layout === 'rail');
    // The rows in view at the top (rowWindow.ts's visibleRange) and the overscan below them.
    const rows = Math.ceil((pane!.height - GRID_PADDING) / rowHeight) + OVERSCAN_ROWS;
    const delivery = { repository: options.repository, format: options.imageFormat };
    for (const hit of page.hits.results.slice(0, rows * columns)) {
      const asset = normalizeAsset(hit);
      const sources = requiresAuthorization(asset) ? undefined : thumbnailSources(asset, thumbWidth, globalThis.devicePixelRatio, delivery);
      if (!sources) continue;
      const img = holder.ownerDocument.createElement('img');
      img.sizes = sources.sizes;
      img.srcset = sources.srcSet;
      img.src = sources.src;
      holder.append(img);
    }
  };

  const release = () => {
    // Still loading: stopped, as a card's image is when its card goes, if no card joined it.
    holder?.querySelectorAll('img').forEach(stopLoading);
    holder?.remove();
    holder = undefined;
  };

  /** Requested now, or once the pane has a size. */
  const arrived = (page: SearchResponse) => {
    if (!shown?.waits) return;
    if (pane && element) request(page);
    else waiting = page;
  };

  return {
    get size() {
      return pane ?? lastPane;
    },
    shown(size, paneElement, waits) {
      const mine = { waits };
      pane = size.width > 0 && size.height > 0 ? (lastPane = size) : pane;
      element = paneElement;
      shown = mine;
      const page = waiting;
      waiting = undefined;
      if (page) arrived(page);
      return () => {
        if (shown === mine) shown = undefined;
      };
    },
    arrived,
    release,
  };
}

const screens = new WeakMap<SelectorStore, FirstScreen>();

/** The first screen of the selector with `store`. */
export function firstScreenOf(store: SelectorStore): FirstScreen {
  let screen = screens.get(store);
  if (!screen) screens.set(store, (screen = createFirstScreen(store)));
  return screen;
}
