import type { ArchiveService } from './archives/archiveService.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { CollectionJobs } from './collections/collectionJobs.ts';
import type { CollectionService } from './collections/collectionService.ts';
import type { RenderedImage } from './delivery/renderImage.ts';
import type { RenditionDiskCache } from './delivery/renditionDiskCache.ts';
import type { TransformQueue } from './delivery/transformQueue.ts';
import type { WebhookSender } from './events/webhookSender.ts';
import type { EmulatorLimits } from './limits.ts';
import type { Repository } from './repository/repository.ts';
import type { MediaService } from './media/mediaService.ts';
import type { SearchIndex } from './search/searchIndex.ts';
import type { SearchService } from './search/searchService.ts';
import type { SmartCropStore } from './smartcrop/smartCropStore.ts';

/** What the routes share: the repository and the services built over it, and the switches. */
export interface EmulatorContext {
  /** The repository as the read routes see it (the same object as `repository`). */
  catalog: Catalog;
  /** The durable repository: folders, assets and every write (the Assets HTTP API). */
  repository: Repository;
  index: SearchIndex;
  search: SearchService;
  smartCrops: SmartCropStore;
  transforms: TransformQueue<RenderedImage>;
  /** Pre-warmed thumbnails kept on disk (`<cacheDir>/renditions/`), read before rendering. */
  renditionCache: RenditionDiskCache;
  /** Delivery events and their webhook deliveries (`/_emulator/events`). */
  webhooks: WebhookSender;
  /** Largest upload, in bytes (`--max-upload`). */
  uploadLimit: number;
  /** Video posters and streams, PDF thumbnails (ffmpeg, pdftoppm). */
  media: MediaService;
  /** Writable collections, and the jobs of their long-running writes. */
  collections: CollectionService;
  collectionJobs: CollectionJobs;
  /** Zip archives of assets, built in the data folder, downloaded with a signed token. */
  archives: ArchiveService;
  /** Bounds on collections and archives. */
  limits: EmulatorLimits;
  /** `--require-auth`: search needs a bearer token and an API key. */
  requireAuth: boolean;
  /** The AVIF entitlement: whether auto-format may choose AVIF. */
  avifEntitled: boolean;
}
