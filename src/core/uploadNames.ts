/** What a repository name may not hold (the Assets HTTP API refuses it with a 400 naming `name`). */
const FORBIDDEN = /[/\\:*?"<>|[\]\u0000-\u001f\u007f]/g;
const MAX_NAME = 150;

/**
 * A file's name as an asset name: forbidden characters become `-`, surrounding spaces go, and a
 * name past 150 characters is shortened before its extension. An empty result is `upload`.
 */
export function assetNameFor(fileName: string): string {
  let name = fileName.replace(FORBIDDEN, '-').trim();
  if (name === '' || name === '.' || name === '..') name = 'upload';
  if (name.length > MAX_NAME) {
    const { stem, extension } = splitName(name);
    name = stem.slice(0, MAX_NAME - extension.length).trimEnd() + extension;
  }
  return name;
}

/** `photo.jpg` → `{ stem: 'photo', extension: '.jpg' }`; a leading dot is part of the stem (`.env`). */
function splitName(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

/**
 * The `n`th name to try when `name` is taken: `photo.jpg` → `photo-1.jpg`, `photo-2.jpg`, … (the
 * number before the extension, as people expect; within the 150-character limit).
 */
export function alternativeName(name: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`alternativeName: n must be a positive integer, got ${n}`);
  const { stem, extension } = splitName(name);
  const suffix = `-${n}${extension}`;
  return stem.slice(0, MAX_NAME - suffix.length) + suffix;
}
