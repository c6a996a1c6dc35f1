import { badRequest } from '../http/problem.ts';

/** An encoding the delivery API can produce. */
export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

const BY_EXTENSION: Record<string, OutputFormat> = {
  gif: 'gif',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  avif: 'avif',
};

const CONTENT_TYPES: Record<OutputFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

const EXTENSIONS: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };

/** The `{format}` path segment (`jpg`, `PNG`, …) as an {@link OutputFormat}, or a 400 naming `format`. */
export function parseRequestedFormat(ext: string): OutputFormat {
  const format = BY_EXTENSION[ext.toLowerCase()];
  if (!format) throw badRequest('format', `must be one of gif, png, jpg, jpeg, webp, avif, got '${ext}'`);
  return format;
}

/** What {@link negotiateFormat} decides from. */
export interface FormatNegotiation {
  requested: OutputFormat;
  autoFormat: boolean;
  /** The request's Accept header, if any. */
  accept: string | undefined;
  /** Whether the repository's licence includes AVIF delivery. */
  avifEntitled: boolean;
  /** Whether the asset has an alpha channel: JPEG cannot carry it, so PNG is the fallback. */
  hasAlpha: boolean;
}

/**
 * Smart-imaging format choice. With auto-format the requested format is ignored: AVIF when the
 * client accepts it and the licence allows it, else WebP when accepted, else JPEG (PNG for images
 * with transparency). Without auto-format the requested format is served as asked, AVIF included:
 * the entitlement gates only the automatic upgrade.
 */
export function negotiateFormat(n: FormatNegotiation): OutputFormat {
  if (!n.autoFormat) return n.requested;
  const accepted = acceptedImageTypes(n.accept);
  if (n.avifEntitled && accepted.has('image/avif')) return 'avif';
  if (accepted.has('image/webp')) return 'webp';
  return n.hasAlpha ? 'png' : 'jpeg';
}

/**
 * Media types the client names explicitly with a non-zero q. Wildcards (`image/*`, `*\/*`) do
 * not count: browsers send them whether or not they decode AVIF, so only an explicit listing is
 * evidence of support.
 */
function acceptedImageTypes(accept: string | undefined): Set<string> {
  const types = new Set<string>();
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (type) types.add(type);
  }
  return types;
}

/** The Content-Type of an encoding. */
export function contentTypeOf(format: OutputFormat): string {
  return CONTENT_TYPES[format];
}

/** The file extension used for an encoding in names and Content-Disposition (`jpg` for JPEG). */
export function extensionOf(format: OutputFormat): string {
  return EXTENSIONS[format];
}

/** Whether the encoding can carry transparency. */
export function supportsAlpha(format: OutputFormat): boolean {
  return format !== 'jpeg';
}
