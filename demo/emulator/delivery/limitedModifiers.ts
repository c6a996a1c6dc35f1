/**
 * Modifiers the spec marks "Limited Availability". The emulated repository has none of them
 * enabled, so they are refused rather than ignored: silently dropping `mask=…` would hand a
 * developer an image that looks right but is not what production (with LA enabled) returns.
 */
export const LIMITED_AVAILABILITY_MODIFIERS: ReadonlySet<string> = new Set([
  'layers',
  'source',
  'fallback',
  'extend',
  'position',
  'clip-path',
  'clip-path-names',
  'crop-names',
  'mask',
  'transparency',
  'opacity',
  'hide-layer',
  'visible',
  'blending-mode',
  'foreground-color',
  'invert-color',
  'colorize',
  'brightness',
  'contrast',
  'saturation',
  'hue',
  'noise',
  'erode',
  'dilate',
  'print-resolution',
]);
