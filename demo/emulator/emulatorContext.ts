import type { Catalog } from './catalog/catalog.ts';
import type { RenderedImage } from './delivery/renderImage.ts';
import type { TransformQueue } from './delivery/transformQueue.ts';
import type { MediaService } from './media/mediaService.ts';
import type { SearchIndex } from './search/searchIndex.ts';
import type { SearchService } from './search/searchService.ts';
import type { SmartCropStore } from './smartcrop/smartCropStore.ts';

/** What the routes share: the catalog and the services built over it, and the switches. */
export interface EmulatorContext {
  catalog: Catalog;
  index: SearchIndex;
  search: SearchService;
  smartCrops: SmartCropStore;
  transforms: TransformQueue<RenderedImage>;
  /** Video posters and streams, PDF thumbnails (ffmpeg, pdftoppm). */
  media: MediaService;
  /** `--require-auth`: search needs a bearer token and an API key. */
  requireAuth: boolean;
  /** The AVIF entitlement: whether auto-format may choose AVIF. */
  avifEntitled: boolean;
}
