import { buildDeliveryUrl, orderedModifiers, originalUrl, playerUrl } from './deliveryUrl.ts';
import { imageTargetFor } from './imageUrlFor.ts';
import { requiresAuthorization } from './requiresAuthorization.ts';
import { buildSrcset } from './srcset.ts';
import type { ImageFormat } from './imageFormats.ts';
import type { AssetSummary, SelectedAsset } from './types.ts';

/** Widths of the `srcset` a selected image carries (capped at what the source can give). */
export const SELECTION_SRCSET_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];

export interface ToSelectedAssetOptions {
  /** The repository base URL the delivery URLs are built on. */
  repository: string;
  /** Extension of the image URL (the `imageFormat` option). */
  imageFormat: ImageFormat;
  /** The editor's delivery modifiers for this image (ignored for other kinds). */
  modifiers?: Record<string, string>;
}

/**
 * The payload the host receives for one chosen asset (DESIGN.md, SelectedAsset): an image gets
 * a delivery URL with its modifiers and a `srcset`; a video its player URL; anything else its
 * original. `modifiers` is what `url` carries, as buildDeliveryUrl writes them (empty values
 * dropped, stable order), so parseDeliveryUrl(url) reads back exactly these. A restricted asset is marked `requiresAuthorization: true`, for
 * its URLs answer only with the token; the token itself is involved at no point.
 */
export function toSelectedAsset(asset: AssetSummary, options: ToSelectedAssetOptions): SelectedAsset {
  const { repository } = options;
  const base = {
    assetId: asset.assetId,
    name: asset.name,
    title: asset.title || asset.name || asset.assetId,
    mimeType: asset.mimeType,
    kind: asset.kind,
    ...(asset.width !== undefined ? { width: asset.width } : {}),
    ...(asset.height !== undefined ? { height: asset.height } : {}),
    originalUrl: originalUrl(repository, asset.assetId, asset.name),
    repositoryMetadata: asset.repositoryMetadata,
    assetMetadata: asset.assetMetadata,
    ...(requiresAuthorization(asset) ? { requiresAuthorization: true as const } : {}),
  };
  if (asset.kind === 'video') return { ...base, url: playerUrl(repository, asset.assetId), modifiers: {} };
  if (asset.kind !== 'image') return { ...base, url: base.originalUrl, modifiers: {} };

  const target = imageTargetFor(asset, { repository, format: options.imageFormat }, options.modifiers);
  const url = buildDeliveryUrl(target);
  const modifiers = Object.fromEntries(orderedModifiers(target.modifiers));
  const srcset = buildSrcset({ ...target, modifiers }, ladderFor(asset, modifiers));
  return { ...base, url, modifiers, ...(srcset ? { srcset } : {}) };
}

/**
 * The srcset widths worth asking for: the ladder up to the width of the pixels actually used
 * (the original, or its crop region, turned by a 90°/270° rotation), plus that width itself,
 * so a small image is never upscaled and still gets its full-size entry.
 */
function ladderFor(asset: AssetSummary, modifiers: Record<string, string>): number[] {
  const source = sourceWidth(asset, modifiers);
  if (source === undefined) return [...SELECTION_SRCSET_WIDTHS];
  const ladder = SELECTION_SRCSET_WIDTHS.filter((w) => w <= source);
  const largest = SELECTION_SRCSET_WIDTHS[SELECTION_SRCSET_WIDTHS.length - 1]!;
  if (source < largest && !ladder.includes(source)) ladder.push(source);
  return ladder;
}

function sourceWidth(asset: AssetSummary, modifiers: Record<string, string>): number | undefined {
  let width = asset.width;
  let height = asset.height;
  const crop = /^([\d.]+)p,([\d.]+)p,([\d.]+)p,([\d.]+)p$/.exec(modifiers.crop ?? '');
  if (crop && modifiers.smartcrop === undefined) {
    if (width !== undefined) width *= Number(crop[3]) / 100;
    if (height !== undefined) height *= Number(crop[4]) / 100;
  }
  const turned = modifiers.rotate === '90' || modifiers.rotate === '270';
  const result = turned ? height : width;
  return result !== undefined && Number.isFinite(result) && result >= 1 ? Math.round(result) : undefined;
}
