import { PAGE_SIZE, searchRequestFor } from '../../../src/core/searchRequestFor.ts';
import { emptyAdvancedQuery } from '../../../src/core/advancedQuery.ts';
import { thumbnailModifiers, THUMBNAIL_WIDTHS } from '../../../src/core/srcset.ts';
import { ANONYMOUS } from '../auth/caller.ts';
import { isImage, type AssetRecord } from '../catalog/assetRecord.ts';
import { isVideo } from '../media/mediaService.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { parseSearchRequest } from '../search/searchRequest.ts';
import { parseModifiers } from './modifiers.ts';
import { planImage } from './planImage.ts';

/**
 * The widths a grid card asks for: cards are 136–348 CSS px wide, so at 1× each asks for one of
 * the selector's first four thumbnail steps (at 2×, the small cards too).
 */
export const PREWARM_WIDTHS: readonly number[] = THUMBNAIL_WIDTHS.slice(0, 4);
/** The selector's thumbnail URLs end in its default `imageFormat`; auto-format picks what is delivered. */
const SELECTOR_FORMAT = 'avif';
/** What Chromium sends for images, so auto-format picks what a browser gets. */
const BROWSER_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

export interface PrewarmReport {
  assets: number;
  /** Renders made now, and those found on disk from an earlier run. */
  rendered: number;
  fromDisk: number;
  ms: number;
}

/**
 * Renders, in the background, the thumbnails the selector's grid will ask for, as a CDN's warm
 * cache would hold them: at start for the first {@link PAGE_SIZE} images and videos of the default
 * order (the selector's first page of results), and for each when it is approved. Each render is a
 * `background` job of the transform queue (one at a time, never ahead of a request, always a slot
 * free beside it) and is kept in the disk cache, so the next start reads it instead.
 */
export class ThumbnailPrewarmer {
  readonly #ctx: EmulatorContext;
  readonly #queue: AssetRecord[] = [];
  #draining: Promise<void> | undefined;
  #stopped = false;
  #report: PrewarmReport = { assets: 0, rendered: 0, fromDisk: 0, ms: 0 };

  constructor(ctx: EmulatorContext) {
    this.#ctx = ctx;
  }

  /** Queues the first images of the default order, after the current turn (start-up is not delayed). Resolves (never rejects) when they are warm. */
  start(): Promise<PrewarmReport> {
    const started = performance.now();
    return new Promise<void>((done) => setImmediate(done)).then(async () => {
      // The grid's first search as the selector sends it, facets included, so that a fresh
      // process's first request does not run the search and facet code for the first time.
      const request = { ...searchRequestFor({ text: '', filters: {}, sort: { field: 'relevance', direction: 'desc' }, advanced: emptyAdvancedQuery(), options: {} }), limit: PAGE_SIZE };
      try {
        const { hits } = this.#ctx.search.search(parseSearchRequest(request), ANONYMOUS);
        this.add(hits.results.map((hit) => this.#ctx.catalog.byId.get(hit.assetId)).filter((a): a is AssetRecord => a !== undefined));
      } catch (error) {
        // Best effort, like every render here: the requests render what is not warm.
        console.warn('emulator: thumbnail pre-warming could not list the first page:', error);
      }
      await this.idle();
      this.#report.ms = performance.now() - started;
      return { ...this.#report };
    });
  }

  /**
   * Queues images and videos (the grid shows a video by its poster: the frame is made once, then
   * thumbnailed like an image; where ffmpeg is missing the render fails and is skipped) for
   * warming; others are skipped.
   */
  add(assets: readonly AssetRecord[]): void {
    if (this.#stopped) return;
    this.#queue.push(...assets.filter((asset) => isImage(asset) || isVideo(asset)));
    this.#draining ??= this.#drain().finally(() => (this.#draining = undefined));
  }

  /** Resolves when nothing is queued. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  /** Stops after the render in progress. */
  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
  }

  async #drain(): Promise<void> {
    const { transforms, renditionCache } = this.#ctx;
    // Its listing first, so what an earlier run left is read, not rendered again.
    await renditionCache.load();
    for (let asset = this.#queue.shift(); asset && !this.#stopped; asset = this.#queue.shift()) {
      // The repository may have changed since it was queued: warm what it holds now.
      const current = this.#ctx.catalog.byId.get(asset.id);
      if (!current || current.status !== 'approved') continue;
      this.#report.assets++;
      for (const width of PREWARM_WIDTHS) {
        if (this.#stopped) return;
        try {
          const plan = await planImage(this.#ctx, {
            asset: current,
            modifiers: parseModifiers(new URLSearchParams(thumbnailModifiers(width))),
            requested: SELECTOR_FORMAT,
            accept: BROWSER_ACCEPT,
          });
          const onDisk = renditionCache.has(plan.key);
          const image = await transforms.run(plan.key, plan.render, { background: true });
          if (onDisk) this.#report.fromDisk++;
          else {
            await renditionCache.write(plan.key, image);
            this.#report.rendered++;
          }
        } catch {
          // Deleted meanwhile, over budget or a full queue: warming is best effort, the request renders it.
        }
      }
    }
  }
}
