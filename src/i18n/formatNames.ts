import type { MessageKey } from './messages.en.ts';

/**
 * The one vocabulary of file formats: the message `format.{MIME type}` names the format as people
 * say it ("JPEG", "MP4 video", "Word document"), in every catalog. Facets and the details panel
 * show these; the search query keeps the MIME values. Types without a message fall back to their
 * subtype upper-cased, without `x-` or a `vnd.` tree (`application/x-foo+zip` → `FOO`).
 */
export function formatNameKey(mimeType: string): MessageKey {
  // A key the catalogs may not have: the translator checks (this module carries no catalog).
  return `format.${mimeType.split(';')[0]!.trim().toLowerCase()}` as MessageKey;
}

export function fallbackFormatName(mimeType: string): string {
  const subtype = mimeType.split(';')[0]!.trim().split('/')[1] || mimeType;
  return (subtype.split('+')[0]!.split('.').pop() || subtype).replace(/^x-/i, '').toUpperCase();
}
