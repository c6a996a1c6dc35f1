import { checkBaseUrl } from './baseUrl.ts';
import { IMAGE_FORMATS, type ImageFormat } from './imageFormats.ts';

/**
 * Delivery URLs of a DM OpenAPI repository, built and parsed. Nothing here takes a token: the
 * URLs a selector emits are handed to hosts, pasted into pages and logged by CDNs, so there is
 * no way to put a credential into one.
 */

/** Extensions of web-optimized image delivery: the selector's formats, plus `jpeg` as the API spells it too. */
export type DeliveryFormat = ImageFormat | 'jpeg';

/** What an image delivery URL is made of. */
export interface DeliveryTarget {
  /** Base URL of the repository, possibly with a path prefix; no trailing slash needed. */
  repository: string;
  /** `urn:aaid:aem:…` */
  assetId: string;
  /** The file name part of the URL, percent-encoded (see {@link seoNameFor} and {@link isSeoName}). */
  seoName: string;
  format: DeliveryFormat;
  /** Delivery modifiers (`width`, `crop`, `smartcrop`, …) as query-string values. */
  modifiers?: Record<string, string>;
}

export const DELIVERY_FORMATS: readonly DeliveryFormat[] = [...IMAGE_FORMATS, 'jpeg'];

/**
 * The order modifiers are written in, so equal transforms give equal URLs (and share a CDN
 * cache entry) however the editor built them. Unknown keys follow, alphabetically.
 */
export const MODIFIER_ORDER: readonly string[] = [
  'preset', 'smartcrop', 'crop', 'width', 'height', 'dpr', 'fit', 'rotate', 'flip', 'quality', 'max-quality',
  'auto-format', 'blur', 'sharpen', 'unsharp-mask', 'background-color', 'attachment',
];

/** The spec's `seoName` pattern, `[%.\w-]+`, with `%` only as part of an escape. */
const SEO_NAME = /^(?:[.\w-]|%[0-9A-Fa-f]{2})+$/;
/** What a SEO name may spell once decoded: letters, digits and marks of any script, `_`, `.`, `-`. */
const SEO_NAME_CHARACTER = /^[\p{L}\p{N}\p{M}_.-]$/u;
const ASSETS = '/adobe/assets';

/**
 * Whether a path segment is a SEO name, as the selector writes them and the emulator accepts
 * them: the spec's `[%.\w-]+` whose escapes decode to letters, digits and marks of any script,
 * `_`, `.` and `-` (`M%C3%BCller`, `%E6%9D%B1%E4%BA%AC`), and never `.` or `..`. One rule for
 * both sides, so a name the selector emits is never one the repository refuses.
 */
export function isSeoName(segment: string): boolean {
  if (typeof segment !== 'string' || !SEO_NAME.test(segment)) return false;
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    return false;
  }
  return text !== '.' && text !== '..' && [...text].every((ch) => SEO_NAME_CHARACTER.test(ch));
}

/**
 * A SEO name for an asset: its file name without the extension, reduced to what
 * {@link isSeoName} allows. Whitespace and punctuation become `-`; letters and digits of any
 * script are kept, percent-encoded (`Crème` → `Cr%C3%A8me`), so the name stays readable.
 * Never empty: a name with nothing usable gives `asset`.
 */
export function seoNameFor(name: string): string {
  const dot = name.lastIndexOf('.');
  return sanitizeSeoSegment(dot > 0 ? name.slice(0, dot) : name);
}

/** A file name (extension kept) as an allowed `seoName` path segment, for originals and renditions. */
export function fileSeoName(name: string): string {
  return sanitizeSeoSegment(name);
}

function sanitizeSeoSegment(text: string): string {
  let out = '';
  // encodeURIComponent leaves ASCII letters, digits, `_`, `.` and `-` as they are.
  for (const ch of text.normalize('NFC')) out += SEO_NAME_CHARACTER.test(ch) ? encodeURIComponent(ch) : '-';
  // Leading or trailing dots could make a "." or ".." segment, which servers refuse.
  out = out.replace(/-{2,}/g, '-').replace(/-+\.|\.-+/g, '.').replace(/^[-.]+|[-.]+$/g, '');
  return out === '' ? 'asset' : out;
}

/**
 * `${repository}/adobe/assets/${assetId}/as/${seoName}.${format}?${modifiers}`. Modifiers are
 * written in {@link MODIFIER_ORDER}; values are percent-encoded except `,`, which stays literal
 * so that `crop=10p,10p,50p,50p` reads as in the spec. Empty values are left out (an editor field
 * that was cleared means "not set"). Throws a TypeError naming the part that is not valid.
 */
export function buildDeliveryUrl(target: DeliveryTarget): string {
  const base = assetBase(target.repository, target.assetId, 'buildDeliveryUrl');
  if (!isSeoName(target.seoName)) {
    throw new TypeError(`buildDeliveryUrl: seoName must be percent-encoded letters, digits, "_", "." and "-" (use seoNameFor(name)), got ${JSON.stringify(target.seoName)}`);
  }
  if (!DELIVERY_FORMATS.includes(target.format)) {
    throw new TypeError(`buildDeliveryUrl: format must be one of ${DELIVERY_FORMATS.join(', ')}, got ${JSON.stringify(target.format)}`);
  }
  const query = encodeModifiers(target.modifiers ?? {});
  return `${base}/as/${target.seoName}.${target.format}${query ? `?${query}` : ''}`;
}

/** The modifiers as a query string (without `?`), in the stable order {@link buildDeliveryUrl} uses. */
export function encodeModifiers(modifiers: Readonly<Record<string, string>>): string {
  const entries = Object.entries(modifiers)
    .map(([key, value]) => [key, value === undefined || value === null ? '' : String(value)] as const)
    .filter(([key, value]) => key !== '' && value !== '');
  const rank = (key: string) => {
    const i = MODIFIER_ORDER.indexOf(key);
    return i < 0 ? MODIFIER_ORDER.length : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`).join('&');
}

/**
 * The parts of an image delivery URL (the inverse of {@link buildDeliveryUrl}; `modifiers` is
 * `{}` when there are none, in the order the URL has them). Throws a TypeError naming what is
 * wrong when the URL is not an image delivery URL.
 */
export function parseDeliveryUrl(url: string): Required<DeliveryTarget> {
  const fail = (what: string): never => {
    throw new TypeError(`parseDeliveryUrl: ${what}`);
  };
  if (typeof url !== 'string') fail(`expected a URL string, got ${typeof url}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`the scheme must be http or https, got ${parsed.protocol}`);
  if (parsed.username || parsed.password) fail('a delivery URL must not carry a user name or password');
  if (parsed.hash) fail('a delivery URL has no fragment (#…)');
  const path = /^(.*)\/adobe\/assets\/([^/]+)\/as\/([^/]+)$/.exec(parsed.pathname);
  if (!path) fail(`the path must be …/adobe/assets/{assetId}/as/{seoName}.{format}, got ${JSON.stringify(parsed.pathname)}`);
  const [, prefix, rawId, file] = path as unknown as [string, string, string, string];
  const dot = file.lastIndexOf('.');
  if (dot <= 0) fail(`the file name ${JSON.stringify(file)} has no format extension`);
  const seoName = file.slice(0, dot);
  const format = file.slice(dot + 1) as DeliveryFormat;
  if (!isSeoName(seoName)) fail(`the seoName ${JSON.stringify(seoName)} must be percent-encoded letters, digits, "_", "." and "-"`);
  if (!DELIVERY_FORMATS.includes(format)) fail(`the format must be one of ${DELIVERY_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  return {
    repository: `${parsed.origin}${prefix}`,
    assetId: decode(rawId, 'the asset id', false),
    seoName,
    format,
    modifiers: parseModifiers(parsed.search.slice(1)),
  };
}

/** A query string (without `?`) as modifiers; a repeated modifier is an error, as the API treats it. */
export function parseModifiers(query: string): Record<string, string> {
  const modifiers: Record<string, string> = {};
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = decode(eq < 0 ? piece : piece.slice(0, eq), 'a modifier name');
    const value = eq < 0 ? '' : decode(piece.slice(eq + 1), `the value of ${key}`);
    if (Object.hasOwn(modifiers, key)) throw new TypeError(`parseDeliveryUrl: the modifier ${JSON.stringify(key)} is given more than once`);
    modifiers[key] = value;
  }
  return modifiers;
}

/** `/adobe/assets/{id}/original/as/{name}`: the uploaded bytes, as they are. */
export function originalUrl(repository: string, assetId: string, name: string): string {
  return `${assetBase(repository, assetId, 'originalUrl')}/original/as/${fileSeoName(name)}`;
}

/** `/adobe/assets/{id}/renditions/{renditionName}/as/{name}`: one static rendition. */
export function renditionUrl(repository: string, assetId: string, renditionName: string, name: string): string {
  if (!renditionName) throw new TypeError('renditionUrl: renditionName must be a non-empty string');
  return `${assetBase(repository, assetId, 'renditionUrl')}/renditions/${encodeSegment(renditionName)}/as/${fileSeoName(name)}`;
}

/** `/adobe/assets/{id}/renditions`: the list of an asset's renditions. */
export function renditionsUrl(repository: string, assetId: string): string {
  return `${assetBase(repository, assetId, 'renditionsUrl')}/renditions`;
}

/** `/adobe/assets/{id}/metadata` */
export function metadataUrl(repository: string, assetId: string): string {
  return `${assetBase(repository, assetId, 'metadataUrl')}/metadata`;
}

/** `/adobe/assets/{id}/smartCrops` */
export function smartCropsUrl(repository: string, assetId: string): string {
  return `${assetBase(repository, assetId, 'smartCropsUrl')}/smartCrops`;
}

/** `/adobe/assets/imagePresets` */
export function imagePresetsUrl(repository: string): string {
  return `${repositoryBase(repository, 'imagePresetsUrl')}${ASSETS}/imagePresets`;
}

/** `/adobe/assets/search`: the default search endpoint. */
export function searchUrlFor(repository: string): string {
  return `${repositoryBase(repository, 'searchUrlFor')}${ASSETS}/search`;
}

/** `/adobe/assets/{id}/play`: the video player, the URL a selected video hands over. */
export function playerUrl(repository: string, assetId: string): string {
  return `${assetBase(repository, assetId, 'playerUrl')}/play`;
}

/**
 * The repository base URL without trailing slashes. Credentials, a query or a fragment are
 * refused: they would be copied into every URL built on it.
 */
export function repositoryBase(repository: string, caller = 'repository'): string {
  const checked = checkBaseUrl(repository);
  if (checked.expected !== undefined) {
    throw new TypeError(`${caller}: repository must be ${checked.expected}${checked.credentials ? '' : `, got ${JSON.stringify(repository)}`}`);
  }
  return checked.url;
}

function assetBase(repository: string, assetId: string, caller: string): string {
  if (typeof assetId !== 'string' || assetId.trim() === '' || /[/?#\s]/.test(assetId)) {
    throw new TypeError(`${caller}: assetId must be an asset id such as urn:aaid:aem:…, got ${JSON.stringify(assetId)}`);
  }
  return `${repositoryBase(repository, caller)}${ASSETS}/${encodeSegment(assetId)}`;
}

/** Percent-encodes a path segment but keeps `:` and `@` (allowed in paths), so `urn:aaid:aem:…` reads as is. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

/** Decodes percent-escapes; in a query `+` is a space (as URLSearchParams and servers read it), in a path it is not. */
function decode(text: string, what: string, plusIsSpace = true): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    throw new TypeError(`parseDeliveryUrl: ${what} is not valid percent-encoding`);
  }
}
