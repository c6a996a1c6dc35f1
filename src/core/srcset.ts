import { deliveryUrlsFor, type DeliveryTarget } from './deliveryUrl.ts';
import { imageTargetFor, imageUrlFor, type ImageDelivery } from './imageUrlFor.ts';
import type { AssetSummary } from './types.ts';

/**
 * Widths thumbnails are requested at. Every grid cell asks for one of these few sizes, so the
 * CDN (and the browser cache) serve the same few renditions instead of one per cell width.
 */
export const THUMBNAIL_WIDTHS: readonly number[] = [160, 240, 320, 480, 640, 960, 1280];

/**
 * Thumbnails' `quality`, below the delivery default (85): a grid's thumbnails are small and
 * briefly looked at, and at WebP quality 80 they weigh about a fifth less with no difference one
 * sees at that size (75 would save another sixth, with some softening in fine texture).
 */
const THUMBNAIL_QUALITY = 80;

/** The delivery modifiers of a thumbnail `width` pixels wide: every thumbnail URL, and what the emulator pre-warms. */
export function thumbnailModifiers(width: number): Record<string, string> {
  return { width: String(width), quality: String(THUMBNAIL_QUALITY) };
}

/**
 * The thumbnail width for a cell `cssWidth` CSS pixels wide: its device-pixel width (the ratio
 * capped at 2, beyond which nobody sees the difference in a thumbnail; 1 when there is none, as
 * outside a browser) rounded up to the next {@link THUMBNAIL_WIDTHS} step, and the largest step
 * for anything wider.
 */
export function thumbnailWidth(cssWidth: number, devicePixelRatio = 1): number {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? Math.min(devicePixelRatio, 2) : 1;
  const needed = Number.isFinite(cssWidth) && cssWidth > 0 ? cssWidth * ratio : 0;
  return THUMBNAIL_WIDTHS.find((w) => w >= needed) ?? THUMBNAIL_WIDTHS[THUMBNAIL_WIDTHS.length - 1]!;
}

/**
 * `"url 320w, url 640w"`: the target's transform at each width. A target with both `width` and
 * `height` keeps its shape (height scaled with the width); one with `height` alone gets `width`
 * instead, which keeps the natural aspect ratio. `dpr` is dropped, since a `w` descriptor must
 * state the real pixel width.
 */
export function buildSrcset(target: DeliveryTarget, widths: readonly number[]): string {
  const base = { ...target.modifiers };
  delete base.dpr;
  const baseWidth = Number(base.width);
  const baseHeight = Number(base.height);
  const keepShape = base.width !== undefined && base.height !== undefined && baseWidth > 0 && baseHeight > 0;
  const ladder = [...new Set(widths.map(Math.round))].filter((w) => Number.isFinite(w) && w > 0).sort((a, b) => a - b);
  const urlWith = deliveryUrlsFor(target);
  return ladder
    .map((width) => {
      const modifiers: Record<string, string> = { ...base, width: String(width) };
      if (keepShape) modifiers.height = String(Math.max(1, Math.round((baseHeight * width) / baseWidth)));
      else delete modifiers.height;
      return `${urlWith(modifiers)} ${width}w`;
    })
    .join(', ');
}

/** What a thumbnail's `<img>` loads: `src`, `srcset` and `sizes`. */
export interface ThumbnailSources {
  src: string;
  srcSet: string;
  sizes: string;
}

/**
 * The sources of the thumbnail of an image, or a video's poster, in a frame `cssWidth` CSS pixels
 * wide on a screen of `devicePixelRatio` (undefined for anything else): the thumbnail width for it
 * as `src`, the steps up to twice the frame (never more pixels than the original has, the smallest
 * step always) as `srcset`, the frame as `sizes`. The grid's cards show these, and the selector
 * requests the first screen of them as a search's first page arrives: the same sources give the
 * browser the same choice, so the cards find what was requested.
 */
export function thumbnailSources(
  asset: Pick<AssetSummary, 'assetId' | 'name' | 'kind' | 'width'>,
  cssWidth: number,
  devicePixelRatio: number | undefined,
  delivery: ImageDelivery,
): ThumbnailSources | undefined {
  if (asset.kind !== 'image' && asset.kind !== 'video') return undefined;
  const css = Math.max(cssWidth, THUMBNAIL_WIDTHS[0]!);
  const width = thumbnailWidth(css, devicePixelRatio);
  const ladder = THUMBNAIL_WIDTHS.filter((w, i) => i === 0 || asset.width === undefined || w <= asset.width).filter((w) => w <= Math.max(width, 2 * css));
  const modifiers = thumbnailModifiers(width);
  return {
    src: imageUrlFor(asset, delivery, modifiers),
    srcSet: buildSrcset(imageTargetFor(asset, delivery, modifiers), ladder),
    sizes: `${Math.round(css)}px`,
  };
}
