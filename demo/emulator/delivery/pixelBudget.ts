import { badRequest } from '../http/problem.ts';
import type { OutputFormat } from './formatNegotiation.ts';
import type { Modifiers } from './modifiers.ts';
import type { Size } from './renderGeometry.ts';
import { isEffectiveUnsharpMask } from './unsharpMask.ts';

/**
 * What one transform may cost. Width and height may each be up to 8192, but 8192 × 8192 is 67
 * megapixels: on a small machine such a JPEG takes seconds, an AVIF tens of seconds and gigabytes,
 * and a GIF (whose palette search dominates) a minute. Measured on 2 cores, per output pixel,
 * AVIF at effort 1 costs about 4 JPEG pixels and GIF about 10; the unsharp mask, computed over
 * raw pixels, about 2 more.
 */

/** Most pixels one output may have: 40 megapixels (8192 × 4882, 6324 × 6324). */
const MAX_OUTPUT_PIXELS = 40_000_000;
/** Most work one transform may be, in JPEG-pixel units: AVIF stops at 10 megapixels, GIF at 4. */
export const MAX_WORK = 40_000_000;
/** Transforms above this much work (a 2000 × 2000 JPEG) run in the large lane of the queue. */
export const LARGE_WORK = 4_000_000;

const ENCODE_COST: Record<OutputFormat, number> = { jpeg: 1, png: 1, webp: 1, avif: 4, gif: 10 };
const UNSHARP_MASK_COST = 2;

/** The work of producing `output` in `format`, in JPEG-pixel units. */
export function transformWork(output: Size, format: OutputFormat, m: Modifiers): number {
  return output.width * output.height * (ENCODE_COST[format] + (isEffectiveUnsharpMask(m.unsharpMask) ? UNSHARP_MASK_COST : 0));
}

const megapixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} megapixels`;

/**
 * Refuses, with a 400 naming the parameter to change, an output larger than
 * {@link MAX_OUTPUT_PIXELS} (`width`, `height`, or `dpr` when it is what tipped it over) or work
 * over {@link MAX_WORK} (`format`, when a cheaper one would do, else the size). Returns the work.
 */
export function checkPixelBudget(output: Size, format: OutputFormat, m: Modifiers): number {
  const pixels = output.width * output.height;
  const sized = `${output.width} × ${output.height} pixels (${megapixels(pixels)})`;
  const sizeParameter = () => {
    const dpr = m.dpr ?? 1;
    if (dpr > 1 && pixels / (dpr * dpr) <= MAX_OUTPUT_PIXELS) return 'dpr';
    if (m.width !== undefined) return 'width';
    if (m.height !== undefined) return 'height';
    return m.smartcrop !== undefined ? 'smartcrop' : 'width';
  };
  if (pixels > MAX_OUTPUT_PIXELS) {
    throw badRequest(sizeParameter(), `the output would be ${sized}; this repository renders at most ${megapixels(MAX_OUTPUT_PIXELS)} per image`);
  }
  const work = transformWork(output, format, m);
  if (work > MAX_WORK) {
    const parameter = ENCODE_COST[format] > 1 && transformWork(output, 'jpeg', m) <= MAX_WORK ? 'format' : sizeParameter();
    throw badRequest(
      parameter,
      `${format.toUpperCase()} at ${sized} is more work than this repository does per image (${format.toUpperCase()} counts ${ENCODE_COST[format]}× per pixel, ` +
        `at most ${megapixels(MAX_WORK)} of JPEG); ask for fewer pixels${parameter === 'format' ? ' or for jpg, png or webp' : ''}`,
    );
  }
  return work;
}
