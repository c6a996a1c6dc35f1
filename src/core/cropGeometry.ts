/**
 * Crop-rectangle geometry for the editor, apart from any UI (as react-easy-crop keeps its
 * helpers beside the component). Rectangles are in percent of the original image, the unit of
 * the spec's `crop=Xp,Yp,Wp,Hp`; aspect ratios are in pixels, so they need the image's size.
 */

/** A crop in percent of the original: left, top, width, height. */
export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The original's pixel size: needed to turn a pixel aspect ratio into percent. */
export interface ImageSize {
  width: number;
  height: number;
}

export type CropHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The smallest crop side, in percent: a crop must stay visible and grabbable. */
export const MIN_CROP_PERCENT = 2;

const FULL: CropRect = { x: 0, y: 0, width: 100, height: 100 };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function fullCrop(): CropRect {
  return { ...FULL };
}

/** Pixel aspect ratio (width / height) of a percent rectangle on an image. */
export function pixelAspect(rect: CropRect, image: ImageSize): number {
  return (rect.width * image.width) / (rect.height * image.height);
}

/**
 * The largest rectangle of `aspect` (pixel width / height) that fits the image, centred on
 * `around`'s centre as far as the image edges allow.
 */
export function fitAspect(around: CropRect, aspect: number, image: ImageSize): CropRect {
  // In percent units, a pixel aspect `a` means width% / height% = a · H / W.
  const percentAspect = (aspect * image.height) / image.width;
  let width = Math.min(100, 100 * percentAspect);
  let height = width / percentAspect;
  if (height > 100) {
    height = 100;
    width = height * percentAspect;
  }
  const cx = around.x + around.width / 2;
  const cy = around.y + around.height / 2;
  return { x: clamp(cx - width / 2, 0, 100 - width), y: clamp(cy - height / 2, 0, 100 - height), width, height };
}

/** Moves without resizing; the rectangle stops at the image edges. */
export function moveCrop(rect: CropRect, dx: number, dy: number): CropRect {
  return { ...rect, x: clamp(rect.x + dx, 0, 100 - rect.width), y: clamp(rect.y + dy, 0, 100 - rect.height) };
}

/**
 * Drags one handle by (dx, dy) percent. The opposite edge or corner stays put; sizes never go
 * below {@link MIN_CROP_PERCENT} nor past the image. With `aspect` (pixels), the ratio is held:
 * a corner follows the larger of its two movements, an edge handle grows the other side around
 * the centre line.
 */
export function resizeCrop(rect: CropRect, handle: CropHandle, dx: number, dy: number, image: ImageSize, aspect?: number): CropRect {
  let left = rect.x;
  let top = rect.y;
  let right = rect.x + rect.width;
  let bottom = rect.y + rect.height;
  if (handle.includes('w')) left = clamp(left + dx, 0, right - MIN_CROP_PERCENT);
  if (handle.includes('e')) right = clamp(right + dx, left + MIN_CROP_PERCENT, 100);
  if (handle.includes('n')) top = clamp(top + dy, 0, bottom - MIN_CROP_PERCENT);
  if (handle.includes('s')) bottom = clamp(bottom + dy, top + MIN_CROP_PERCENT, 100);
  const free: CropRect = { x: left, y: top, width: right - left, height: bottom - top };
  return aspect === undefined ? free : holdAspect(rect, free, handle, image, aspect);
}

function holdAspect(before: CropRect, free: CropRect, handle: CropHandle, image: ImageSize, aspect: number): CropRect {
  const percentAspect = (aspect * image.height) / image.width;
  const horizontal = handle.includes('e') || handle.includes('w');
  const vertical = handle.includes('n') || handle.includes('s');
  // Which dimension leads: the one the user moved (for corners, the one that changed more).
  const widthLeads = horizontal && (!vertical || Math.abs(free.width - before.width) >= Math.abs(free.height - before.height) * percentAspect);
  let width = widthLeads ? free.width : free.height * percentAspect;
  let height = width / percentAspect;

  // Anchor: the fixed edges; for edge handles the perpendicular axis stays centred.
  const anchorX = handle.includes('w') ? before.x + before.width : handle.includes('e') ? before.x : before.x + before.width / 2;
  const anchorY = handle.includes('n') ? before.y + before.height : handle.includes('s') ? before.y : before.y + before.height / 2;
  const roomX = handle.includes('w') ? anchorX : handle.includes('e') ? 100 - anchorX : 2 * Math.min(anchorX, 100 - anchorX);
  const roomY = handle.includes('n') ? anchorY : handle.includes('s') ? 100 - anchorY : 2 * Math.min(anchorY, 100 - anchorY);
  const scale = Math.min(1, roomX / width, roomY / height);
  width *= scale;
  height *= scale;
  // The minimum size wins over the room: the box then slides inwards rather than shrink away.
  const grow = Math.max(1, MIN_CROP_PERCENT / width, MIN_CROP_PERCENT / height);
  width *= grow;
  height *= grow;
  const rawX = handle.includes('w') ? anchorX - width : handle.includes('e') ? anchorX : anchorX - width / 2;
  const rawY = handle.includes('n') ? anchorY - height : handle.includes('s') ? anchorY : anchorY - height / 2;
  const x = clamp(rawX, 0, 100 - width);
  const y = clamp(rawY, 0, 100 - height);
  return { x, y, width, height };
}

/** Rounds to the spec's two decimals while keeping x + width ≤ 100 and y + height ≤ 100. */
export function roundCrop(rect: CropRect): CropRect {
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const x = clamp(r2(rect.x), 0, 99.99);
  const y = clamp(r2(rect.y), 0, 99.99);
  // Work in hundredths (integers) so that the sums are exact.
  const width = Math.min(Math.round(rect.width * 100), 10_000 - Math.round(x * 100)) / 100;
  const height = Math.min(Math.round(rect.height * 100), 10_000 - Math.round(y * 100)) / 100;
  return { x, y, width, height };
}

/** `crop=` value: `"10p,20p,50.5p,30p"`. */
export function formatCrop(rect: CropRect): string {
  const r = roundCrop(rect);
  return [r.x, r.y, r.width, r.height].map((v) => `${Number(v.toFixed(2))}p`).join(',');
}

const CROP_VALUE = /^(\d{1,3}(?:\.\d{1,2})?)p,(\d{1,3}(?:\.\d{1,2})?)p,(\d{1,3}(?:\.\d{1,2})?)p,(\d{1,3}(?:\.\d{1,2})?)p$/;

/** Parses a `crop=` value; undefined when it is not a valid crop under the spec's constraints. */
export function parseCrop(value: string): CropRect | undefined {
  const match = CROP_VALUE.exec(value);
  if (!match) return undefined;
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  if (width <= 0 || height <= 0 || x + width > 100 || y + height > 100) return undefined;
  return { x, y, width, height };
}

/** Whether the crop is the whole image (and so needs no `crop=`). */
export function isFullCrop(rect: CropRect): boolean {
  const r = roundCrop(rect);
  return r.x === 0 && r.y === 0 && r.width === 100 && r.height === 100;
}

/**
 * Keyboard control of the crop area: arrows move it, Shift+arrows resize it from the bottom-right
 * corner (right/down grow, left/up shrink), by `step` percent (1 by default; 10 with a larger
 * step for PageUp-style jumps). Returns undefined for keys it does not handle.
 */
export function cropForKey(rect: CropRect, key: string, shift: boolean, image: ImageSize, aspect?: number, step = 1): CropRect | undefined {
  const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  const d = delta[key];
  if (!d) return undefined;
  if (!shift) return moveCrop(rect, d[0], d[1]);
  const handle: CropHandle = d[0] !== 0 ? 'e' : 's';
  return resizeCrop(rect, aspect === undefined ? handle : 'se', d[0], d[1], image, aspect);
}
