import { badRequest } from '../http/problem.ts';
import { MAX_DIMENSION } from '../../../src/core/modifierRules.ts';
import { checkDprScale, type FitMode, type Modifiers, type RotateAngle } from './modifiers.ts';
import { normalizeOrientation, type Orientation } from './orientation.ts';

/**
 * The arithmetic of a render, kept apart from sharp so that every size and offset the pipeline
 * uses is decided (and rounded) in one place, the same way for every request.
 */

export interface Size {
  width: number;
  height: number;
}

interface PixelRect extends Size {
  left: number;
  top: number;
}

/** A region as fractions (0..1) of an image's width and height: a `crop`, or a smart crop's box. */
export interface FractionBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The orientation ops in the order sharp performs them when it rotates before extracting and
 * resizing: vertical flip, horizontal flip, then a clockwise turn.
 */
interface SharpOrientation {
  angle: 0 | RotateAngle;
  flipV: boolean;
  flipH: boolean;
}

/** How the (cropped, oriented) image becomes the output. */
export interface Layout {
  /** Exact size to resample to. */
  resize: Size;
  /** Centre cut taken from the resampled image (fit=crop). */
  extract?: PixelRect;
  /** Border added around the resampled image (fit=contain). */
  pad?: { top: number; right: number; bottom: number; left: number };
  output: Size;
}

/** What the output is asked to be: one or two dimensions, and how to fit when there are two. */
export interface Target {
  width?: number;
  height?: number;
  fit: FitMode;
}

/** A fractional box in whole pixels: rounded, at least 1 px, and inside the image. */
function pixelRect(box: FractionBox, image: Size): PixelRect {
  const left = Math.min(Math.round(box.x * image.width), image.width - 1);
  const top = Math.min(Math.round(box.y * image.height), image.height - 1);
  const width = Math.max(1, Math.min(Math.round(box.width * image.width), image.width - left));
  const height = Math.max(1, Math.min(Math.round(box.height * image.height), image.height - top));
  return { left, top, width, height };
}

/**
 * The API turns first and mirrors the result; sharp mirrors first and turns the result. After a
 * quarter turn a horizontal mirror is a vertical one of the unturned image.
 */
function sharpOrientation({ angle, mirror }: Orientation): SharpOrientation {
  const quarter = angle === 90 || angle === 270;
  return { angle, flipV: mirror && quarter, flipH: mirror && !quarter };
}

/** The size of an image after a clockwise turn. */
function rotatedSize(size: Size, angle: number): Size {
  return angle === 90 || angle === 270 ? { width: size.height, height: size.width } : size;
}

/**
 * Where a rect of the original lands once the orientation ops are applied, i.e. the rect to
 * extract from the oriented image.
 */
export function orientRect(rect: PixelRect, image: Size, o: SharpOrientation): PixelRect {
  let { left, top } = rect;
  const { width, height } = rect;
  if (o.flipV) top = image.height - top - height;
  if (o.flipH) left = image.width - left - width;
  switch (o.angle) {
    case 90:
      return { left: image.height - top - height, top: left, width: height, height: width };
    case 180:
      return { left: image.width - left - width, top: image.height - top - height, width, height };
    case 270:
      return { left: top, top: image.width - left - width, width: height, height: width };
    default:
      return { left, top, width, height };
  }
}

/**
 * Decides the requested output size. Sizes apply to the output (after rotation); dpr scales any
 * requested size, including a smart crop's target, but not the endpoint's default width, which
 * is a cap rather than a request (and never upscales).
 */
export function resolveTarget(
  m: Modifiers,
  content: Size,
  smartCropTarget: Size | undefined,
  defaultWidth: number,
): Target {
  const dpr = m.dpr ?? 1;
  if (m.width !== undefined || m.height !== undefined) {
    const target: Target = { fit: m.fit ?? 'contain' };
    if (m.width !== undefined) target.width = Math.round(m.width * dpr);
    if (m.height !== undefined) target.height = Math.round(m.height * dpr);
    return target;
  }
  if (smartCropTarget) {
    checkDprScale(`width (from smart crop ${m.smartcrop})`, smartCropTarget.width, dpr);
    checkDprScale(`height (from smart crop ${m.smartcrop})`, smartCropTarget.height, dpr);
    const turned = rotatedSize(smartCropTarget, m.rotate ?? 0);
    // The crop box already has the profile's aspect ratio, so cover only trims rounding slivers.
    return { width: Math.round(turned.width * dpr), height: Math.round(turned.height * dpr), fit: m.fit ?? 'crop' };
  }
  if (m.fit !== undefined) {
    throw badRequest('fit', 'needs a size to fit into: give width or height (directly, through a preset or a smartcrop)');
  }
  return { width: Math.min(content.width, defaultWidth), fit: 'contain' };
}

/** Turns a target into exact resample, cut and pad sizes for content of the given size. */
function planLayout(content: Size, target: Target): Layout {
  const { width: W, height: H } = target;
  if (W !== undefined && H !== undefined) return fitInto(content, { width: W, height: H }, target.fit);
  let size: Size;
  if (W !== undefined) size = { width: W, height: Math.max(1, Math.round((W * content.height) / content.width)) };
  else if (H !== undefined) size = { width: Math.max(1, Math.round((H * content.width) / content.height)), height: H };
  else size = content;
  // One requested side of a very elongated image can imply an impossible other side.
  if (Math.max(size.width, size.height) > MAX_DIMENSION) {
    size = fitInto(content, { width: MAX_DIMENSION, height: MAX_DIMENSION }, 'constrain').output;
  }
  return { resize: size, output: size };
}

function fitInto(content: Size, box: Size, fit: FitMode): Layout {
  const sx = box.width / content.width;
  const sy = box.height / content.height;
  if (fit === 'crop') {
    const scale = Math.max(sx, sy);
    const resize = {
      width: Math.max(box.width, Math.round(content.width * scale)),
      height: Math.max(box.height, Math.round(content.height * scale)),
    };
    const layout: Layout = { resize, output: box };
    if (resize.width !== box.width || resize.height !== box.height) {
      layout.extract = {
        left: Math.floor((resize.width - box.width) / 2),
        top: Math.floor((resize.height - box.height) / 2),
        ...box,
      };
    }
    return layout;
  }
  const scale = Math.min(sx, sy);
  const resize = {
    width: Math.min(box.width, Math.max(1, Math.round(content.width * scale))),
    height: Math.min(box.height, Math.max(1, Math.round(content.height * scale))),
  };
  if (fit === 'constrain' || (resize.width === box.width && resize.height === box.height)) {
    return { resize, output: resize };
  }
  const left = Math.floor((box.width - resize.width) / 2);
  const top = Math.floor((box.height - resize.height) / 2);
  return {
    resize,
    pad: { top, left, right: box.width - resize.width - left, bottom: box.height - resize.height - top },
    output: box,
  };
}

/** A smart crop as the render needs it: where to cut, and the profile's delivery size. */
export interface SmartCropTarget extends Size {
  crop: FractionBox;
}

/** Every size and offset of one render, decided before any pixel is touched. */
interface RenderPlan {
  /** The part of the original to cut (crop or smart crop), in the original's pixels. */
  region?: PixelRect;
  orientation: SharpOrientation;
  layout: Layout;
}

/**
 * Plans a render of an image whose displayed (EXIF-oriented) size is `original`: crop or smart
 * crop, then rotate and flip, then fit into the requested size. The delivery route uses it to
 * weigh a transform before queueing it, and the renderer to perform it, so both agree.
 */
export function planRender(original: Size, m: Modifiers, smartCrop: SmartCropTarget | undefined, defaultWidth: number): RenderPlan {
  const box = smartCrop?.crop ?? (m.crop && { x: m.crop.x / 100, y: m.crop.y / 100, width: m.crop.width / 100, height: m.crop.height / 100 });
  const region = box && pixelRect(box, original);
  const orientation = sharpOrientation(normalizeOrientation(m.rotate, m.flip));
  const content = rotatedSize(region ?? original, orientation.angle);
  const layout = planLayout(content, resolveTarget(m, content, smartCrop, defaultWidth));
  return { ...(region ? { region } : {}), orientation, layout };
}
