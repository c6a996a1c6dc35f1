import sharp from 'sharp';
import smartcrop, { type Crop, type ImageOperations, type ImgData } from 'smartcrop';
import type { FractionBox } from '../delivery/renderGeometry.ts';
import type { SmartCropProfile } from './smartCropProfiles.ts';

/** smartcrop's own prescale analyses at a 256 px short edge; its weights are tuned for that scale. */
const ANALYSIS_SHORT_EDGE = 256;
/** Bounds the work for panoramas, whose long edge would otherwise grow without limit. */
const ANALYSIS_LONG_EDGE_MAX = 1024;
/** Candidate spacing in analysed pixels (smartcrop's default is 8); 4 halves the positional
 * granularity (≈1.5 % of the short edge) at a cost that stays in the milliseconds. */
const ANALYSIS_STEP = 4;

/**
 * The adapter smartcrop calls to read pixels: images are already decoded by sharp to RGBA at
 * analysis size, so `open` and `getData` are identities. `resample` is only reached if smartcrop
 * is asked to prescale; it is implemented with sharp so the adapter stays complete.
 */
export const sharpImageOperations: ImageOperations<ImgData, ImgData> = {
  open: (image) => Promise.resolve(image),
  resample: async (image, width, height) => {
    const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
      .resize(Math.max(1, Math.floor(width)), Math.max(1, Math.floor(height)), { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data };
  },
  getData: (image) => Promise.resolve(image),
};

/** Analysis size for an original of `width`×`height`: short edge 256 (never enlarged), long edge ≤ 1024. */
function analysisSize(width: number, height: number): { width: number; height: number } {
  let scale = Math.min(1, Math.max(ANALYSIS_SHORT_EDGE / width, ANALYSIS_SHORT_EDGE / height));
  const longEdge = Math.max(width, height);
  if (longEdge * scale > ANALYSIS_LONG_EDGE_MAX) scale = ANALYSIS_LONG_EDGE_MAX / longEdge;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Decodes `source` once into a small RGBA buffer. Resizing in the same pipeline lets libvips use
 * shrink-on-load (JPEG DCT scaling, WebP/HEIF thumbnails), which is what makes analysis cheap.
 */
async function decodeForAnalysis(source: Buffer, originalWidth: number, originalHeight: number): Promise<ImgData> {
  const size = analysisSize(originalWidth, originalHeight);
  const { data, info } = await sharp(source, { failOn: 'none' })
    // Boxes are fractions of the image as delivered, which is EXIF-oriented.
    .autoOrient()
    .resize(size.width, size.height, { fit: 'fill' })
    // Transparent pixels carry arbitrary RGB; white keeps them from scoring as detail or skin.
    .flatten({ background: '#ffffff' })
    // Greyscale and CMYK sources must still reach smartcrop as 4-channel sRGB.
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`smart crop: expected RGBA pixels, got ${info.channels} channels`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The largest box of the profile's aspect ratio that fits the original (whole pixels), centred
 * where smartcrop's top crop is centred. Only the position comes from smartcrop: its sizes are in
 * analysis pixels, too coarse to give the exact aspect ratio at full size.
 */
function toBox(
  crop: Crop | null,
  analysed: ImgData,
  originalWidth: number,
  originalHeight: number,
  profile: SmartCropProfile,
): FractionBox {
  const aspect = profile.width / profile.height;
  let width: number;
  let height: number;
  if (originalWidth / originalHeight > aspect) {
    height = originalHeight;
    width = clamp(Math.round(originalHeight * aspect), 1, originalWidth);
  } else {
    width = originalWidth;
    height = clamp(Math.round(originalWidth / aspect), 1, originalHeight);
  }
  // Degenerate images (smartcrop found no candidate) fall back to a centred crop.
  const centreX = crop ? (crop.x + crop.width / 2) / analysed.width : 0.5;
  const centreY = crop ? (crop.y + crop.height / 2) / analysed.height : 0.5;
  const x = clamp(Math.round(centreX * originalWidth - width / 2), 0, originalWidth - width);
  const y = clamp(Math.round(centreY * originalHeight - height / 2), 0, originalHeight - height);

  const boxWidth = round4(width / originalWidth);
  const boxHeight = round4(height / originalHeight);
  // Rounding x and width independently could push the box past the edge by 0.0001.
  return {
    x: Math.min(round4(x / originalWidth), round4(1 - boxWidth)),
    y: Math.min(round4(y / originalHeight), round4(1 - boxHeight)),
    width: boxWidth,
    height: boxHeight,
  };
}

function assertDimensions(width: number, height: number): void {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    throw new RangeError(`smart crop: invalid image size ${width}×${height}`);
  }
}

/**
 * Smart crops of one image for several profiles, decoding the image only once. Each box is a
 * fraction (0..1) of the original, rounded to 4 decimals, so it applies unchanged to any
 * rendition of the image.
 * `originalWidth`/`originalHeight` are the image's displayed (EXIF-oriented) pixel size; boxes are
 * returned in the order of `profiles`. Rejects if sharp cannot decode `source`.
 */
export async function analyseSmartCrops(
  source: Buffer,
  originalWidth: number,
  originalHeight: number,
  profiles: readonly SmartCropProfile[],
): Promise<FractionBox[]> {
  assertDimensions(originalWidth, originalHeight);
  if (profiles.length === 0) return [];
  const analysed = await decodeForAnalysis(source, originalWidth, originalHeight);
  const boxes: FractionBox[] = [];
  for (const profile of profiles) {
    const result = await smartcrop.crop(analysed, {
      width: profile.width,
      height: profile.height,
      // Only the largest crop of the aspect ratio: zooming in risks cutting the subject off.
      minScale: 1,
      maxScale: 1,
      step: ANALYSIS_STEP,
      prescale: false,
      imageOperations: sharpImageOperations,
    });
    boxes.push(toBox(result.topCrop, analysed, originalWidth, originalHeight, profile));
  }
  return boxes;
}
