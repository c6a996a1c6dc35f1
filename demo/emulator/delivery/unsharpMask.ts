import sharp from 'sharp';
import type { UnsharpMask } from './unsharpMaskModifier.ts';

/** Uncompressed 8-bit pixels, interleaved, as sharp's `raw()` output gives them. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

// Rec. 709 luma weights, the ones sharp itself uses to turn a colour into grey.
const LUMA = [0.2126, 0.7152, 0.0722] as const;

/**
 * The Gaussian sigma for a blur "radius" in pixels: a Gaussian's visible reach is about two
 * sigmas. sharp refuses sigmas below 0.3.
 */
export function radiusToSigma(radius: number): number {
  return Math.max(0.3, radius / 2);
}

/**
 * Above this sigma a direct Gaussian gets slow out of all proportion (libvips takes seconds for a
 * 512-px image at sigma 350, the spec's radius goes to 1000), so the blur is taken on a copy
 * shrunk until the sigma is this small, and scaled back: a blur that wide keeps only low
 * frequencies, which the smaller copy holds.
 */
const DIRECT_SIGMA_MAX = 16;

/** The image blurred with a Gaussian of `sigma`, as raw pixels of the same size. */
async function gaussianBlur({ data, width, height, channels }: RawImage, sigma: number): Promise<Buffer> {
  const raw = { width, height, channels };
  if (sigma <= DIRECT_SIGMA_MAX) return sharp(data, { raw }).blur(sigma).raw().toBuffer();
  const factor = sigma / DIRECT_SIGMA_MAX;
  const small = { width: Math.max(1, Math.round(width / factor)), height: Math.max(1, Math.round(height / factor)), channels };
  // sharp blurs after it resizes, so this blurs the shrunk copy.
  const blurred = await sharp(data, { raw }).resize(small.width, small.height, { fit: 'fill' }).blur(DIRECT_SIGMA_MAX).raw().toBuffer();
  return sharp(blurred, { raw: small }).resize(width, height, { fit: 'fill' }).raw().toBuffer();
}

/** Whether the mask would change any pixel at all. */
export function isEffectiveUnsharpMask(u: UnsharpMask | undefined): u is UnsharpMask {
  return u !== undefined && u.amount > 0 && u.radius > 0;
}

/**
 * Photoshop's Unsharp Mask: out = in + amount% × (in − gaussian(in, radius)), skipped where the
 * difference is within `threshold` levels. Done by hand because libvips' sharpen works on
 * lightness only and has no threshold in Photoshop's sense; `monochrome` is the lightness-only
 * variant. Alpha is left untouched.
 */
export async function applyUnsharpMask(image: RawImage, u: UnsharpMask): Promise<RawImage> {
  const { data, width, height, channels } = image;
  const blurred = await gaussianBlur(image, radiusToSigma(u.radius));
  const gain = u.amount / 100;
  const colours = channels >= 3 ? 3 : 1;
  const out = Buffer.from(data);
  // A clamped view rounds and saturates on write, where a plain Buffer would wrap around.
  const clamped = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  const luma = (px: Uint8Array, p: number): number =>
    colours === 1 ? (px[p] ?? 0) : LUMA[0] * (px[p] ?? 0) + LUMA[1] * (px[p + 1] ?? 0) + LUMA[2] * (px[p + 2] ?? 0);

  for (let p = 0; p < data.length; p += channels) {
    if (u.monochrome) {
      const diff = luma(data, p) - luma(blurred, p);
      if (Math.abs(diff) <= u.threshold) continue;
      for (let c = 0; c < colours; c++) clamped[p + c] = (data[p + c] ?? 0) + gain * diff;
      continue;
    }
    for (let c = 0; c < colours; c++) {
      const diff = (data[p + c] ?? 0) - (blurred[p + c] ?? 0);
      if (Math.abs(diff) > u.threshold) clamped[p + c] = (data[p + c] ?? 0) + gain * diff;
    }
  }
  return { data: out, width, height, channels };
}
