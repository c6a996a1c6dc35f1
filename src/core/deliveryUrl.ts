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
const PLAIN_SEO_NAME = /^[A-Za-z0-9_.-]+$/;
const ASCII = /^[\x00-\x7f]*$/;
const ASSETS = '/adobe/assets';

/**
 * Whether a path segment is a SEO name, as the selector writes them and the emulator accepts
 * them: the spec's `[%.\w-]+` whose escapes decode to letters, digits and marks of any script,
 * `_`, `.` and `-` (`M%C3%BCller`, `%E6%9D%B1%E4%BA%AC`), and never `.` or `..`. One rule for
 * both sides, so a name the selector emits is never one the repository refuses.
 */
export function isSeoName(segment: string): boolean {
  // Most names are plain ASCII, which reads as itself: no decoding, no check per character.
  if (typeof segment === 'string' && PLAIN_SEO_NAME.test(segment)) return segment !== '.' && segment !== '..';
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
  // ASCII is its own NFC form, and its letters, digits, `_`, `.` and `-` encode as themselves:
  // most names need neither Unicode normalization (costly on first use) nor a check per character.
  if (ASCII.test(text)) out = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  // encodeURIComponent leaves ASCII letters, digits, `_`, `.` and `-` as they are.
  else for (const ch of text.normalize('NFC')) out += SEO_NAME_CHARACTER.test(ch) ? encodeURIComponent(ch) : '-';
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
  return deliveryUrlsFor(target)(target.modifiers ?? {});
}

/**
 * {@link buildDeliveryUrl} for one target and any modifiers: the target is checked once (a
 * srcset's widths, a card's sizes), then each URL is only written. Throws as buildDeliveryUrl does.
 */
export function deliveryUrlsFor(target: Omit<DeliveryTarget, 'modifiers'>): (modifiers: Readonly<Record<string, string>>) => string {
  const base = assetBase(target.repository, target.assetId, 'buildDeliveryUrl');
  if (!isSeoName(target.seoName)) {
    throw new TypeError(`buildDeliveryUrl: seoName must be percent-encoded letters, digits, "_", "." and "-" (use seoNameFor(name)), got ${JSON.stringify(target.seoName)}`);
  }
  if (!DELIVERY_FORMATS.includes(target.format)) {
    throw new TypeError(`buildDeliveryUrl: format must be one of ${DELIVERY_FORMATS.join(', ')}, got ${JSON.stringify(target.format)}`);
  }
  const path = `${base}/as/${target.seoName}.${target.format}`;
  return (modifiers) => {
    const query = encodeModifiers(modifiers);
    return query ? `${path}?${query}` : path;
  };
}

/** The modifiers as a query string (without `?`), in the stable order {@link buildDeliveryUrl} uses. */
export function encodeModifiers(modifiers: Readonly<Record<string, string>>): string {
  return orderedModifiers(modifiers).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`).join('&');
}

/**
 * The modifiers a delivery URL carries, in the order it writes them: empty values left out. Its
 * parser (parseDeliveryUrl.ts) reads exactly these back from the URL.
 */
export function orderedModifiers(modifiers: Readonly<Record<string, string>>): Array<readonly [string, string]> {
  const entries = Object.entries(modifiers)
    .map(([key, value]) => [key, value === undefined || value === null ? '' : String(value)] as const)
    .filter(([key, value]) => key !== '' && value !== '');
  const rank = (key: string) => {
    const i = MODIFIER_ORDER.indexOf(key);
    return i < 0 ? MODIFIER_ORDER.length : i;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
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

/** `/adobe/assets/{id}/manifest.m3u8`: the video's HLS stream. */
export function hlsManifestUrl(repository: string, assetId: string): string {
  return `${assetBase(repository, assetId, 'hlsManifestUrl')}/manifest.m3u8`;
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
