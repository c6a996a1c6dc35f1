import sharp, { type Sharp } from 'sharp';
import { contentTypeOf, supportsAlpha, type OutputFormat } from './formatNegotiation.ts';
import type { Rgba } from './colorModifier.ts';
import { effectiveQuality, type Modifiers } from './modifiers.ts';
import { orientRect, planRender, type Layout, type SmartCropTarget, type Size } from './renderGeometry.ts';
import { applyUnsharpMask, isEffectiveUnsharpMask, radiusToSigma, type RawImage } from './unsharpMask.ts';

// The server runs one transform per core; libvips' own thread pool on top would oversubscribe.
sharp.concurrency(1);
// libvips' operation cache: bounded, and no open files (originals are read into memory once).
sharp.cache({ memory: 64, files: 0, items: 100 });

/** Everything one render needs; the caller has validated the modifiers and chosen the format. */
export interface RenderInput {
  /** The original binary. */
  source: Buffer;
  modifiers: Modifiers;
  format: OutputFormat;
  /** Required when `modifiers.smartcrop` is set: the caller knows the asset's crops. */
  smartCrop?: SmartCropTarget;
  /** Width cap when no size is requested: 2048 for `/as/…`, 1024 for the convenience GET. */
  defaultWidth?: number;
  /** 85, or 65 for the convenience GET. */
  defaultQuality?: number;
}

export interface RenderedImage {
  data: Buffer;
  format: OutputFormat;
  contentType: string;
  /** Real dimensions of `data`, as the encoder reported them. */
  width: number;
  height: number;
}

/** Width cap of `/as/…` requests that ask for no size. */
export const DEFAULT_WIDTH = 2048;

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, alpha: 0 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, alpha: 1 };

/**
 * Renders one delivery: crop (or smart crop) → rotate → flip → resize → blur / sharpen /
 * unsharp-mask → background → encode. Sizes refer to the output, after rotation.
 */
export async function renderImage(input: RenderInput): Promise<RenderedImage> {
  const { modifiers: m, format } = input;
  if (m.smartcrop !== undefined && !input.smartCrop) {
    throw new Error(`renderImage: smartcrop '${m.smartcrop}' must be resolved by the caller (RenderInput.smartCrop)`);
  }
  const meta = await sharp(input.source).metadata();
  const orientation = meta.orientation ?? 1;
  // EXIF orientations 5..8 are stored sideways: the image the user sees is the transposed one.
  const original: Size = orientation >= 5
    ? { width: meta.height, height: meta.width }
    : { width: meta.width, height: meta.height };

  const { region, orientation: o, layout } = planRender(original, m, input.smartCrop, input.defaultWidth ?? DEFAULT_WIDTH);

  const background = backgroundPlan(m.backgroundColor, format);
  const unsharp = isEffectiveUnsharpMask(m.unsharpMask) ? m.unsharpMask : undefined;
  const filtered = (m.blur ?? 0) > 0 || m.sharpen || unsharp !== undefined;
  // libvips keeps a grey image grey, so a coloured background would come out grey too.
  const greyToColour = (meta.channels ?? 3) <= 2 && isColourful(m.backgroundColor);
  // sharp pads before it filters; the API filters the picture, then adds the background. Going
  // through raw pixels restores that order, and is also where the unsharp mask is computed.
  const viaRaw = unsharp !== undefined || (filtered && layout.pad !== undefined) || greyToColour;

  let image = sharp(input.source, { failOn: 'error' });
  if (orientation > 1) image = image.autoOrient();
  if (o.angle !== 0) image = image.rotate(o.angle);
  if (o.flipV) image = image.flip();
  if (o.flipH) image = image.flop();
  if (region) {
    // sharp applies flips before extracting only together with a turn; alone, they come after.
    const ops = o.angle !== 0 ? o : { angle: 0 as const, flipV: false, flipH: false };
    image = image.extract(orientRect(region, original, ops));
  }
  if (background.flatten && !viaRaw) image = image.flatten({ background: background.flatten });
  image = image.resize(layout.resize.width, layout.resize.height, { fit: 'fill' });
  if (layout.extract) image = image.extract(layout.extract);
  if (m.blur) image = image.blur(radiusToSigma(m.blur));
  if (m.sharpen) image = image.sharpen();

  if (viaRaw) {
    if (greyToColour) image = image.toColourspace('srgb');
    let raw = await toRaw(image);
    if (unsharp) raw = await applyUnsharpMask(raw, unsharp);
    image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
    if (background.flatten) image = image.flatten({ background: background.flatten });
  }

  image = applyBackground(image, layout, background);
  const quality = effectiveQuality(m, input.defaultQuality);
  const { data, info } = await encode(image, format, quality).toBuffer({ resolveWithObject: true });
  return { data, format, contentType: contentTypeOf(format), width: info.width, height: info.height };
}

interface BackgroundPlan {
  /** Opaque colour the picture's own transparency is flattened onto. */
  flatten?: Rgba;
  /** Colour of fit=contain padding. */
  pad: Rgba;
  /** Translucent colour laid under the finished image (sharp's flatten only takes opaque ones). */
  underlay?: Rgba;
}

/**
 * JPEG has no alpha, so transparency is always flattened (onto white unless a colour was given;
 * a translucent colour is first seen over white). Formats with alpha keep transparency unless a
 * background-color asks for it to be filled.
 */
function backgroundPlan(colour: Rgba | undefined, format: OutputFormat): BackgroundPlan {
  if (!supportsAlpha(format)) {
    const solid = colour ? overWhite(colour) : WHITE;
    return { flatten: solid, pad: solid };
  }
  if (!colour) return { pad: TRANSPARENT };
  if (colour.alpha >= 1) return { flatten: colour, pad: colour };
  return { pad: TRANSPARENT, underlay: colour };
}

function applyBackground(image: Sharp, layout: Layout, plan: BackgroundPlan): Sharp {
  let out = image;
  if (layout.pad) out = out.extend({ ...layout.pad, background: plan.pad });
  if (plan.underlay) {
    const { width, height } = layout.output;
    out = out.composite([{ input: { create: { width, height, channels: 4, background: plan.underlay } }, blend: 'dest-over' }]);
  }
  return out;
}

function overWhite(c: Rgba): Rgba {
  const mix = (v: number): number => Math.round(v * c.alpha + 255 * (1 - c.alpha));
  return { r: mix(c.r), g: mix(c.g), b: mix(c.b), alpha: 1 };
}

function isColourful(c: Rgba | undefined): boolean {
  return c !== undefined && (c.r !== c.g || c.g !== c.b);
}

async function toRaw(image: Sharp): Promise<RawImage> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function encode(image: Sharp, format: OutputFormat, quality: number): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality, mozjpeg: false });
    case 'png':
      // PNG is lossless; quality would only switch on palette quantisation, which changes colours.
      return image.png();
    case 'webp':
      return image.webp({ quality, effort: 2 });
    case 'avif':
      // The default effort takes seconds per image on this hardware.
      return image.avif({ quality, effort: 1 });
    case 'gif':
      return image.gif({ effort: 3 });
  }
}
