import { sha1 } from '../catalog/assetId.ts';
import { isImage, type AssetRecord } from '../catalog/assetRecord.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { badRequest } from '../http/problem.ts';
import type { Poster } from '../media/mediaService.ts';
import { canonicalModifiers } from './canonicalModifiers.ts';
import { negotiateFormat, type OutputFormat } from './formatNegotiation.ts';
import type { Modifiers } from './modifiers.ts';
import { checkPixelBudget, LARGE_WORK, MAX_WORK, transformWork } from './pixelBudget.ts';
import { planRender, type SmartCropTarget } from './renderGeometry.ts';
import { DEFAULT_WIDTH, renderImage, type RenderedImage } from './renderImage.ts';

export interface ImageRequest {
  asset: AssetRecord;
  modifiers: Modifiers;
  /** The URL's format; auto-format may deliver another (see {@link negotiateFormat}). */
  requested: OutputFormat;
  /** The browser's `Accept` header, for auto-format. */
  accept: string | undefined;
  defaultWidth?: number;
  defaultQuality?: number;
}

/** One image delivery, weighed and keyed, not yet rendered. */
export interface PlannedImage {
  /** Everything the pixels depend on: the transform queue's and the disk cache's key, and the ETag's source. */
  key: string;
  format: OutputFormat;
  /** Goes to the transform queue's large lane. */
  large: boolean;
  /** Renders it: from the disk cache when a pre-warm left it there, else with sharp. */
  render(): Promise<RenderedImage>;
}

/**
 * Plans one image delivery, for a request and for the pre-warmer alike, so both name the same
 * render by the same key. What would exceed the pixel budget is a 400 here, before anything is
 * queued.
 */
export async function planImage(ctx: EmulatorContext, request: ImageRequest): Promise<PlannedImage> {
  const { asset, modifiers } = request;
  // A video or a PDF is delivered as an image through its poster (a frame, page 1), with every modifier.
  let poster: Poster | undefined;
  if (!isImage(asset)) {
    if (!ctx.media.hasPoster(asset)) throw badRequest('format', `${asset.name} is not an image, a video or a PDF; use /original/as/{seoName}`);
    if (modifiers.smartcrop !== undefined) throw badRequest('smartcrop', `${asset.name} is not an image; smart crops are computed for images only`);
    poster = await ctx.media.poster(asset);
  }
  let smartCrop: SmartCropTarget | undefined;
  if (modifiers.smartcrop !== undefined) {
    smartCrop = await ctx.smartCrops.find(asset, modifiers.smartcrop);
    if (!smartCrop) {
      throw badRequest('smartcrop', `"${modifiers.smartcrop}" is not a smart crop of this asset; it has ${ctx.smartCrops.profileNames().join(', ')}`);
    }
  }
  const output = planRender(poster ?? asset, modifiers, smartCrop, request.defaultWidth ?? DEFAULT_WIDTH).layout.output;
  const negotiated = (avif: boolean) =>
    negotiateFormat({ requested: request.requested, autoFormat: modifiers.autoFormat, accept: request.accept, avifEntitled: avif && ctx.avifEntitled, hasAlpha: asset.hasAlpha });
  let format = negotiated(true);
  // Smart imaging picks the format: when AVIF would be over budget, it picks the next best.
  if (modifiers.autoFormat && transformWork(output, format, modifiers) > MAX_WORK) format = negotiated(false);
  const work = checkPixelBudget(output, format, modifiers);
  const key = sha1(asset.etag, canonicalModifiers(modifiers), format, String(request.defaultWidth), String(request.defaultQuality), JSON.stringify(smartCrop ?? null), poster?.version ?? '');
  return {
    key,
    format,
    large: work > LARGE_WORK,
    render: async () =>
      (await ctx.renditionCache.read(key)) ??
      renderImage({
        source: poster ? await poster.read() : await ctx.catalog.readBinary(asset),
        modifiers,
        format,
        ...(smartCrop ? { smartCrop } : {}),
        ...(request.defaultWidth ? { defaultWidth: request.defaultWidth } : {}),
        ...(request.defaultQuality ? { defaultQuality: request.defaultQuality } : {}),
      }),
  };
}
