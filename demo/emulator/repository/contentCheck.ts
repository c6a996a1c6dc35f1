import { open } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { mp4Dimensions, pdfPageSize } from '../catalog/mediaDimensions.ts';
import { ProblemError } from '../http/problem.ts';

/** The media types the repository takes, and how sharp names the image ones. */
export const ACCEPTED_TYPES: Readonly<Record<string, string | undefined>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'heif',
  'image/tiff': 'tiff',
  'video/mp4': undefined,
  'video/quicktime': undefined,
  'application/pdf': undefined,
};
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'video/x-m4v': 'video/mp4', 'application/x-pdf': 'application/pdf' };
/** What a client sends when it does not know: the bytes decide. */
const UNKNOWN = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** What the bytes turned out to be. */
export interface MeasuredBinary {
  mimeType: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** `image/PNG; charset=x` → `image/png`, aliases resolved; '' when absent or unknown-on-purpose. */
export function normalizeType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]!.trim().toLowerCase();
  if (UNKNOWN.has(type)) return '';
  return ALIASES[type] ?? type;
}

/** A 415 naming `parameter` unless the declared type is one the repository takes (or unknown). */
export function checkDeclaredType(declared: string, parameter: string): void {
  if (declared !== '' && !Object.hasOwn(ACCEPTED_TYPES, declared)) {
    throw new ProblemError(415, `${parameter}: ${declared} is not a type the repository takes; send one of ${Object.keys(ACCEPTED_TYPES).join(', ')}`, parameter);
  }
}

/**
 * Decodes the file as what it claims to be and measures it: sharp decodes images (the whole
 * image, at a reduced size, so a truncated or corrupt file fails here rather than at delivery),
 * the MP4 track header gives a video's size, a PDF must start with `%PDF-` and end with `%%EOF`.
 * With no claim (`''`), the bytes decide. A mismatch is a 400 naming `parameter`.
 */
export async function measureBinary(file: string, declared: string, parameter: string): Promise<MeasuredBinary> {
  const head = await readHead(file, 64 * 1024);
  const sniffed = sniff(head);
  const type = declared || sniffed;
  if (!type) throw badContent(parameter, `the bytes are none of ${Object.keys(ACCEPTED_TYPES).join(', ')}`);
  if (sniffed && sniffed !== type && !(isVideo(sniffed) && isVideo(type))) {
    throw badContent(parameter, `says ${type} but the bytes are ${sniffed}`);
  }
  if (type.startsWith('image/')) return measureImage(file, type, parameter);
  if (isVideo(type)) {
    if (!sniffed) throw badContent(parameter, `says ${type} but the bytes are not an MP4/QuickTime file`);
    const size = await scanFile(file, mp4Dimensions);
    if (!size) throw badContent(parameter, 'the video has no readable track header (tkhd) with a picture size');
    return { mimeType: type, ...size, hasAlpha: false };
  }
  if (!sniffed) throw badContent(parameter, 'says application/pdf but the bytes do not start with %PDF-');
  const tail = await readTail(file, 2048);
  if (!tail.includes('%%EOF')) throw badContent(parameter, 'the PDF is incomplete (no %%EOF at its end)');
  const page = (await scanFile(file, pdfPageSize)) ?? { width: 0, height: 0 };
  return { mimeType: type, ...page, hasAlpha: false };
}

const isVideo = (type: string) => type === 'video/mp4' || type === 'video/quicktime';

function badContent(parameter: string, message: string): ProblemError {
  return new ProblemError(400, `${parameter}: ${message}`, parameter);
}

async function measureImage(file: string, type: string, parameter: string): Promise<MeasuredBinary> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { failOn: 'error' }).metadata();
    // Decoding at a reduced size reads every byte: a truncated image fails here.
    await sharp(file, { failOn: 'truncated' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    throw badContent(parameter, `the bytes do not decode as ${type} (${String((error as Error).message).split('\n')[0]})`);
  }
  const format = meta.format === 'heif' && meta.compression !== 'av1' ? 'heic' : meta.format;
  if (format !== ACCEPTED_TYPES[type]) throw badContent(parameter, `says ${type} but the bytes are ${format ?? 'not an image'}`);
  if (!meta.width || !meta.height) throw badContent(parameter, 'the image has no size');
  const swap = (meta.orientation ?? 1) >= 5;
  return { mimeType: type, width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height, hasAlpha: meta.hasAlpha ?? false };
}

/** The type the first bytes announce, or '' when they announce none the repository takes. */
function sniff(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).toString('hex') === '89504e470d0a1a0a') return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (/^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1'))) return 'image/gif';
  const tiff = head.subarray(0, 4).toString('hex');
  if (tiff === '49492a00' || tiff === '4d4d002a') return 'image/tiff';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const box = head.subarray(4, 8).toString('latin1');
  if (box === 'ftyp') {
    const brand = head.subarray(8, 12).toString('latin1');
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (brand === 'qt  ') return 'video/quicktime';
    if (/^(heic|heix|mif1|msf1)$/.test(brand)) return '';
    return 'video/mp4';
  }
  if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free') return 'video/quicktime';
  return '';
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readTail(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(bytes, size);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('latin1');
  } finally {
    await handle.close();
  }
}

/**
 * Runs a reader over the file in 4 MiB windows that overlap by 4 KiB (more than any header box it
 * looks for), so a large upload is measured without holding it in memory. Keeps the largest answer.
 */
async function scanFile(file: string, read: (window: Buffer) => { width: number; height: number } | undefined) {
  const WINDOW = 4 * 1024 * 1024;
  const OVERLAP = 4096;
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(WINDOW, size));
    let best: { width: number; height: number } | undefined;
    for (let at = 0; at < size; at += WINDOW - OVERLAP) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      const found = read(buffer.subarray(0, bytesRead));
      if (found && (!best || found.width * found.height > best.width * best.height)) best = found;
      if (at + bytesRead >= size) break;
    }
    return best;
  } finally {
    await handle.close();
  }
}
