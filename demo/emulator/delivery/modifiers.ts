import { dprScaleIssue, LIMITED_AVAILABILITY_MODIFIERS, MAX_DIMENSION } from '../../../src/core/modifierRules.ts';
import { badRequest, ProblemError } from '../http/problem.ts';
import { parseColor, type Rgba } from './colorModifier.ts';
import { parseCrop, type PercentCrop } from './cropModifier.ts';
import { findPreset, IMAGE_PRESETS } from './imagePresets.ts';
import { parseBoolean, parseDecimal, parseEnum, parseInteger } from './modifierValues.ts';
import { parseUnsharpMask, type UnsharpMask } from './unsharpMaskModifier.ts';

const FIT_MODES = ['contain', 'constrain', 'crop'] as const;
export type FitMode = (typeof FIT_MODES)[number];
const FLIP_MODES = ['h', 'v', 'hv'] as const;
export type FlipMode = (typeof FLIP_MODES)[number];
export type RotateAngle = 90 | 180 | 270;

/**
 * The generally-available image modifiers of one delivery request, validated, with any preset
 * already merged in. Sizes are as requested (before `dpr`); absent means "not asked for".
 */
export interface Modifiers {
  width?: number;
  height?: number;
  dpr?: number;
  fit?: FitMode;
  crop?: PercentCrop;
  /** Smart-crop profile name; whether the asset has it is for the caller to check. */
  smartcrop?: string;
  rotate?: RotateAngle;
  flip?: FlipMode;
  quality?: number;
  maxQuality?: number;
  autoFormat: boolean;
  blur?: number;
  sharpen: boolean;
  unsharpMask?: UnsharpMask;
  backgroundColor?: Rgba;
  /** The preset that was applied (its modifiers are already in the fields above). */
  preset?: string;
  attachment: boolean;
}

const SUPPORTED = new Set([
  'width', 'height', 'dpr', 'fit', 'crop', 'smartcrop', 'rotate', 'flip', 'quality', 'max-quality',
  'auto-format', 'blur', 'sharpen', 'unsharp-mask', 'background-color', 'preset', 'attachment',
]);
const LAYER_ADDRESSED = /^([\w-]+)\[[^\]]*\]$/;
const PROFILE_NAME = /^[\w.-]+$/;
const LIMITED = 'is a Limited Availability modifier and is not enabled on this repository';

/**
 * Validates the query of a delivery URL. Pure; throws a 400 {@link ProblemError} naming the
 * modifier at fault. Parameters that are not modifiers (cache busters such as `v=3`) are
 * ignored, as production does; Limited Availability modifiers and any `name[layer]` form are
 * refused so that a URL which would render differently in production never passes silently.
 */
export function parseModifiers(query: URLSearchParams): Modifiers {
  const explicit = new Map<string, string>();
  for (const key of new Set(query.keys())) {
    const layerBase = LAYER_ADDRESSED.exec(key)?.[1];
    const isLimited = LIMITED_AVAILABILITY_MODIFIERS.has(key) ||
      (layerBase !== undefined && (SUPPORTED.has(layerBase) || LIMITED_AVAILABILITY_MODIFIERS.has(layerBase)));
    if (isLimited) throw badRequest(key, LIMITED);
    if (!SUPPORTED.has(key)) continue;
    const values = query.getAll(key);
    if (values.length > 1) throw badRequest(key, `must be given at most once, got ${values.length} values`);
    explicit.set(key, values[0] ?? '');
  }

  // The preset goes in first so that every explicit modifier overrides it key by key.
  const merged = new Map<string, string>();
  const presetName = explicit.get('preset');
  if (presetName !== undefined) {
    const preset = findPreset(presetName);
    if (!preset) {
      const known = IMAGE_PRESETS.map((p) => p.name).join(', ');
      throw badRequest('preset', `unknown preset '${presetName}'; this repository has: ${known}`);
    }
    for (const [key, value] of Object.entries(preset.modifiers)) merged.set(key, value);
  }
  for (const [key, value] of explicit) merged.set(key, value);

  const m = readModifiers(merged);
  checkCombinations(m, explicit);
  return m;
}

function readModifiers(raw: ReadonlyMap<string, string>): Modifiers {
  const m: Modifiers = { autoFormat: true, sharpen: false, attachment: false };
  const each = (key: string, read: (value: string) => void): void => {
    const value = raw.get(key);
    if (value !== undefined) read(value);
  };
  each('width', (v) => (m.width = parseInteger('width', v, { min: 1, max: MAX_DIMENSION })));
  each('height', (v) => (m.height = parseInteger('height', v, { min: 1, max: MAX_DIMENSION })));
  each('dpr', (v) => (m.dpr = parseDecimal('dpr', v, { min: 0, max: 4, exclusiveMin: true })));
  each('fit', (v) => (m.fit = parseEnum('fit', v, FIT_MODES)));
  each('crop', (v) => (m.crop = parseCrop(v)));
  each('smartcrop', (v) => {
    if (!PROFILE_NAME.test(v)) throw badRequest('smartcrop', `must be a smart-crop profile name (letters, digits, _ . -), got '${v}'`);
    m.smartcrop = v;
  });
  each('rotate', (v) => (m.rotate = Number(parseEnum('rotate', v, ['90', '180', '270'] as const)) as RotateAngle));
  each('flip', (v) => (m.flip = parseEnum('flip', v, FLIP_MODES)));
  each('quality', (v) => (m.quality = parseInteger('quality', v, { min: 1, max: 100 })));
  each('max-quality', (v) => (m.maxQuality = parseInteger('max-quality', v, { min: 1, max: 100 })));
  each('auto-format', (v) => (m.autoFormat = parseBoolean('auto-format', v)));
  each('blur', (v) => (m.blur = parseInteger('blur', v, { min: 0, max: 100 })));
  each('sharpen', (v) => (m.sharpen = parseBoolean('sharpen', v)));
  each('unsharp-mask', (v) => (m.unsharpMask = parseUnsharpMask(v)));
  each('background-color', (v) => (m.backgroundColor = parseColor('background-color', v)));
  each('preset', (v) => (m.preset = v));
  each('attachment', (v) => (m.attachment = parseBoolean('attachment', v)));
  return m;
}

function checkCombinations(m: Modifiers, explicit: ReadonlyMap<string, string>): void {
  if (m.crop && m.smartcrop !== undefined) {
    throw badRequest('smartcrop', 'crop and smartcrop exclude each other; give only one of them');
  }
  if (m.dpr !== undefined) {
    for (const [side, size] of [['width', m.width], ['height', m.height]] as const) {
      if (size === undefined) continue;
      checkDprScale(explicit.has(side) ? side : `${side} (from preset ${m.preset})`, size, m.dpr);
    }
  }
  if (m.fit !== undefined && m.width === undefined && m.height === undefined && m.smartcrop === undefined) {
    throw badRequest('fit', 'needs a size to fit into: give width or height (directly, through a preset or a smartcrop)');
  }
}

/** A 400 naming `dpr` when it scales a size outside 1–8192 pixels (the selector's editor applies the same rule). */
export function checkDprScale(side: string, size: number, dpr: number): void {
  const issue = dprScaleIssue(side, size, dpr);
  if (issue) throw new ProblemError(400, issue.message, issue.modifier);
}

/** The quality the encoder uses: `quality` wins over `max-quality`, which wins over the endpoint default. */
export function effectiveQuality(m: Modifiers, defaultQuality = 85): number {
  return m.quality ?? m.maxQuality ?? defaultQuality;
}
