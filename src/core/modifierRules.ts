/**
 * The rules of the generally-available delivery modifiers (README "Delivery modifiers", as the
 * emulator and the spec apply them), checked before a URL is emitted: a modifier the repository
 * would refuse must be caught in the editor, not in the host's page as a broken image.
 */

/** One problem; `message` starts with the modifier's name (`width: must be …`). */
export interface ModifierIssue {
  modifier: string;
  message: string;
}

/** Largest output width or height in pixels, after `dpr`. */
export const MAX_DIMENSION = 8192;

/** Modifiers the spec marks Limited Availability: refused, since they render differently where enabled. */
export const LIMITED_AVAILABILITY_MODIFIERS: ReadonlySet<string> = new Set([
  'layers', 'source', 'fallback', 'extend', 'position', 'clip-path', 'clip-path-names', 'crop-names', 'mask',
  'transparency', 'opacity', 'hide-layer', 'visible', 'blending-mode', 'foreground-color', 'invert-color',
  'colorize', 'brightness', 'contrast', 'saturation', 'hue', 'noise', 'erode', 'dilate', 'print-resolution',
]);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const NAME = /^[\w.-]+$/;
const CROP_PART = /^(\d{1,3}(?:\.\d{1,2})?)p$/;
const COLOR_DIGITS: Record<string, number> = { gray: 2, graya: 4, rgb: 6, rgba: 8 };
const BOOLEAN = new Set(['true', 'false', '1', '0']);

type Check = (value: string) => string | undefined;

const integer = (min: number, max: number): Check => (v) =>
  INTEGER.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `must be an integer from ${min} to ${max}, got '${v}'`;
const oneOf = (...allowed: string[]): Check => (v) => (allowed.includes(v) ? undefined : `must be one of ${allowed.join(', ')}, got '${v}'`);
const name: Check = (v) => (NAME.test(v) ? undefined : `must be a name of letters, digits, "_", "." and "-", got '${v}'`);
const boolean: Check = (v) => (BOOLEAN.has(v) ? undefined : `must be true, false, 1 or 0, got '${v}'`);

const CHECKS: Record<string, Check> = {
  width: integer(1, MAX_DIMENSION),
  height: integer(1, MAX_DIMENSION),
  dpr: (v) => (DECIMAL.test(v) && Number(v) > 0 && Number(v) <= 4 ? undefined : `must be a number greater than 0 and at most 4, got '${v}'`),
  fit: oneOf('contain', 'constrain', 'crop'),
  crop: checkCrop,
  smartcrop: name,
  preset: name,
  rotate: oneOf('90', '180', '270'),
  flip: oneOf('h', 'v', 'hv'),
  quality: integer(1, 100),
  'max-quality': integer(1, 100),
  blur: integer(0, 100),
  'auto-format': boolean,
  sharpen: boolean,
  attachment: boolean,
  'unsharp-mask': checkUnsharpMask,
  'background-color': checkColor,
};

/**
 * What the repository knows beyond the URL, when the caller has it: a preset's and a smart
 * crop's sizes are multiplied by `dpr` like explicit ones, so `preset=thumbnail&dpr=0.001` is
 * only recognisably broken with the presets at hand.
 */
interface ModifierContext {
  /** The repository's image presets (`GET /adobe/assets/imagePresets`). */
  presets?: ReadonlyArray<{ name: string; modifiers?: Readonly<Record<string, string>> }>;
  /** The asset's smart crops (`GET /adobe/assets/{id}/smartCrops`), with their delivery sizes. */
  smartCrops?: ReadonlyArray<{ name: string; width?: number; height?: number }>;
}

/**
 * Every problem with a set of modifiers, in a stable order (empty when the URL is good). Empty
 * values mean "not set" (the URL builder leaves them out); unknown parameters are allowed, as
 * the API ignores them (cache busters), except Limited Availability and `name[layer]` forms.
 */
export function validateModifiers(mods: Readonly<Record<string, string>>, context: ModifierContext = {}): ModifierIssue[] {
  const issues: ModifierIssue[] = [];
  const report = (modifier: string, message: string) => issues.push({ modifier, message: `${modifier}: ${message}` });
  const set = new Map(Object.entries(mods).filter(([, v]) => typeof v === 'string' && v !== ''));

  for (const [key, value] of set) {
    const layerBase = /^([\w-]+)\[[^\]]*\]$/.exec(key)?.[1];
    if (LIMITED_AVAILABILITY_MODIFIERS.has(key) || (layerBase !== undefined && (layerBase in CHECKS || LIMITED_AVAILABILITY_MODIFIERS.has(layerBase)))) {
      report(key, 'is a Limited Availability modifier, not available on a standard repository');
      continue;
    }
    const problem = CHECKS[key]?.(value);
    if (problem) report(key, problem);
  }

  if (set.has('crop') && set.has('smartcrop')) report('smartcrop', 'excludes crop; give only one of them');
  if (set.has('fit') && !set.has('width') && !set.has('height') && !set.has('smartcrop') && !set.has('preset')) {
    report('fit', 'needs a size to fit into: give width or height');
  }
  const dpr = set.get('dpr');
  if (dpr !== undefined && CHECKS.dpr!(dpr) === undefined) {
    // One message is enough: the repository stops at the first size that does not scale.
    const issue = sizesScaledByDpr(set, context).map(({ side, size }) => dprScaleIssue(side, size, Number(dpr))).find(Boolean);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * The sizes `dpr` multiplies, each with the name it has in a message: explicit `width` and
 * `height`, else the preset's, else (with neither) the smart crop's delivery size.
 */
function sizesScaledByDpr(set: ReadonlyMap<string, string>, context: ModifierContext): Array<{ side: string; size: number }> {
  const preset = context.presets?.find((p) => p.name === set.get('preset'));
  const sizes: Array<{ side: string; size: number }> = [];
  for (const side of ['width', 'height'] as const) {
    const explicit = set.get(side);
    const fromPreset = preset?.modifiers?.[side];
    if (explicit !== undefined) {
      if (CHECKS[side]!(explicit) === undefined) sizes.push({ side, size: Number(explicit) });
    } else if (fromPreset !== undefined && CHECKS[side]!(fromPreset) === undefined) {
      sizes.push({ side: `${side} (from preset ${preset!.name})`, size: Number(fromPreset) });
    }
  }
  const crop = context.smartCrops?.find((c) => c.name === set.get('smartcrop'));
  if (sizes.length === 0 && crop?.width !== undefined && crop.height !== undefined) {
    sizes.push({ side: `width (from smart crop ${crop.name})`, size: crop.width }, { side: `height (from smart crop ${crop.name})`, size: crop.height });
  }
  return sizes;
}

/**
 * The rule `dpr` shares with the repository: it multiplies a requested size, and the result,
 * rounded, must be a size an image can have (1 to {@link MAX_DIMENSION} pixels). `side` names the
 * size (`width`, `width (from preset thumbnail)`). The emulator answers its 400 with this message.
 */
export function dprScaleIssue(side: string, size: number, dpr: number): ModifierIssue | undefined {
  const scaled = Math.round(size * dpr);
  if (scaled >= 1 && scaled <= MAX_DIMENSION) return undefined;
  return { modifier: 'dpr', message: `dpr: ${side} × dpr = ${size} × ${dpr} = ${scaled} pixels; the result must be from 1 to ${MAX_DIMENSION}` };
}

/**
 * `Xp,Yp,Wp,Hp` with at most two decimals, a non-empty region, and `X+W ≤ 100`, `Y+H ≤ 100`.
 * Sums are compared in hundredths, as integers, so 33.33p + 66.67p is exactly 100.
 */
function checkCrop(value: string): string | undefined {
  const parts = value.split(',');
  const syntax = 'must be Xp,Yp,Wp,Hp: four percentages with at most two decimals, e.g. 10p,10p,50p,50p';
  if (parts.length !== 4) return `${syntax}, got '${value}'`;
  const hundredths: number[] = [];
  for (const part of parts) {
    const m = CROP_PART.exec(part);
    if (!m) return `${syntax}; '${part}' is not one`;
    hundredths.push(Math.round(Number(m[1]) * 100));
  }
  const [x = 0, y = 0, w = 0, h = 0] = hundredths;
  if (w <= 0 || h <= 0) return `the region's width and height must be more than 0p, got '${value}'`;
  if (x + w > 10_000) return `x + width must be at most 100p, got ${x / 100}p + ${w / 100}p`;
  if (y + h > 10_000) return `y + height must be at most 100p, got ${y / 100}p + ${h / 100}p`;
  return undefined;
}

/** `amount,radius[,threshold[,monochrome]]`: amount 0–500, radius 0–1000, threshold 0–255 (integer). */
function checkUnsharpMask(value: string): string | undefined {
  const parts = value.split(',');
  if (parts.length < 2 || parts.length > 4) return `must be amount,radius[,threshold[,monochrome]], e.g. 100,10, got '${value}'`;
  const [amount = '', radius = '', threshold = '0', monochrome = 'false'] = parts;
  const within = (v: string, max: number) => DECIMAL.test(v) && Number(v) >= 0 && Number(v) <= max;
  if (!within(amount, 500)) return `amount must be a number from 0 to 500, got '${amount}'`;
  if (!within(radius, 1000)) return `radius must be a number from 0 to 1000, got '${radius}'`;
  if (integer(0, 255)(threshold)) return `threshold must be an integer from 0 to 255, got '${threshold}'`;
  if (monochrome !== 'true' && monochrome !== 'false') return `monochrome must be true or false, got '${monochrome}'`;
  return undefined;
}

/** `gray,HH`, `graya,HHHH`, `rgb,HHHHHH` or `rgba,HHHHHHHH` (hex digits, any case). */
function checkColor(value: string): string | undefined {
  const [space = '', hex = '', ...rest] = value.split(',');
  const digits = COLOR_DIGITS[space];
  if (digits === undefined || rest.length > 0) return `must be gray,HH, graya,HHHH, rgb,HHHHHH or rgba,HHHHHHHH, got '${value}'`;
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return `${space} takes exactly ${digits} hexadecimal digits, got '${hex}'`;
  return undefined;
}
