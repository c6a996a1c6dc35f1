import type { OutputFormat } from './formatNegotiation.ts';

/** A pre-generated rendition, as AEM's processing profile makes them: fit inside a box, never upscaled. */
export interface StaticRendition {
  name: string;
  maxWidth: number;
  maxHeight: number;
  format: OutputFormat;
}

export const STATIC_RENDITIONS: readonly StaticRendition[] = [
  { name: 'cq5dam.thumbnail.48.48.png', maxWidth: 48, maxHeight: 48, format: 'png' },
  { name: 'cq5dam.thumbnail.140.100.png', maxWidth: 140, maxHeight: 100, format: 'png' },
  { name: 'cq5dam.thumbnail.319.319.png', maxWidth: 319, maxHeight: 319, format: 'png' },
  { name: 'cq5dam.web.1280.1280.jpeg', maxWidth: 1280, maxHeight: 1280, format: 'jpeg' },
];

/** The rendition's pixel size for an original of `width` × `height`. */
export function renditionSize(rendition: StaticRendition, width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, rendition.maxWidth / width, rendition.maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
