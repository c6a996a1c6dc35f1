import type { MessageKey } from './messages.en.ts';

/**
 * The one vocabulary of file formats: MIME type → the message that names the format as people
 * say it ("JPEG", "MP4 video", "Word document"). Facets and the details panel show these; the
 * search query keeps the MIME values. Types not listed fall back to their subtype upper-cased.
 */
const FORMAT_KEYS: Readonly<Record<string, MessageKey>> = {
  'image/jpeg': 'format.jpeg',
  'image/png': 'format.png',
  'image/gif': 'format.gif',
  'image/webp': 'format.webp',
  'image/avif': 'format.avif',
  'image/tiff': 'format.tiff',
  'image/svg+xml': 'format.svg',
  'image/bmp': 'format.bmp',
  'image/heic': 'format.heic',
  'image/heif': 'format.heif',
  'image/vnd.adobe.photoshop': 'format.photoshop',
  'image/x-raw': 'format.raw',
  'video/mp4': 'format.mp4',
  'video/quicktime': 'format.quicktime',
  'video/webm': 'format.webm',
  'video/x-msvideo': 'format.avi',
  'video/x-matroska': 'format.matroska',
  'video/mpeg': 'format.mpeg',
  'video/ogg': 'format.ogg',
  'video/3gpp': 'format.3gp',
  'application/pdf': 'format.pdf',
  'application/msword': 'format.word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'format.word',
  'application/vnd.ms-excel': 'format.excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format.excel',
  'application/vnd.ms-powerpoint': 'format.powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'format.powerpoint',
  'application/rtf': 'format.rtf',
  'text/plain': 'format.text',
  'text/csv': 'format.csv',
  'application/postscript': 'format.postscript',
  'application/x-indesign': 'format.indesign',
};

/** The message naming `mimeType`'s format, if the vocabulary has one (parameters such as `; charset` ignored). */
export function formatNameKey(mimeType: string): MessageKey | undefined {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  return Object.hasOwn(FORMAT_KEYS, type) ? FORMAT_KEYS[type] : undefined;
}

/** An unknown type's name: its subtype upper-cased, without `x-` or a `vnd.` tree (`image/x-foo+xml` → `FOO`). */
export function fallbackFormatName(mimeType: string): string {
  const subtype = mimeType.split(';')[0]!.trim().split('/')[1] || mimeType;
  const name = subtype.split('+')[0]!.split('.').filter(Boolean).pop() ?? subtype;
  return name.replace(/^x-/i, '').toUpperCase();
}
