import { buildDeliveryUrl, seoNameFor, type DeliveryFormat, type DeliveryTarget } from './deliveryUrl.ts';
import type { AssetSummary } from './types.ts';

/** Where an image is delivered from, and as what. */
export interface ImageDelivery {
  repository: string;
  format: DeliveryFormat;
}

/**
 * The delivery target of an asset's image with `modifiers`: every image URL the selector shows
 * (thumbnails, the editor's backdrop, smart-crop swatches, previews) or emits is built on it.
 */
export function imageTargetFor(asset: Pick<AssetSummary, 'assetId' | 'name'>, delivery: ImageDelivery, modifiers: Record<string, string> = {}): Required<DeliveryTarget> {
  return { repository: delivery.repository, assetId: asset.assetId, seoName: seoNameFor(asset.name), format: delivery.format, modifiers };
}

/** The delivery URL of an asset's image with `modifiers` (see {@link imageTargetFor}). */
export function imageUrlFor(asset: Pick<AssetSummary, 'assetId' | 'name'>, delivery: ImageDelivery, modifiers: Record<string, string> = {}): string {
  return buildDeliveryUrl(imageTargetFor(asset, delivery, modifiers));
}
