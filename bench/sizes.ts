import { gzipSync } from 'node:zlib';

/** Gzip at level 9, as build/bundleBudgets.ts and `npm run size` count. */
export function gzipSize(bytes: string | Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Decimal kilobytes with one decimal: "67.4 kB". */
export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
}

export type FileKind = 'js' | 'css' | 'other';

/** What a loaded file counts as, from its content type (then its path, for servers that send none). */
export function kindOf(url: string, contentType = ''): FileKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (/^(text|application)\/(javascript|ecmascript|x-javascript)$/.test(type)) return 'js';
  if (type === 'text/css') return 'css';
  if (type && type !== 'application/octet-stream') return 'other';
  const path = new URL(url, 'http://x/').pathname;
  if (/\.(m?js)$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  return 'other';
}

export interface LoadedFile {
  url: string;
  kind: FileKind;
  raw: number;
  gzip: number;
}

export interface Tally {
  raw: number;
  gzip: number;
  files: number;
}

const empty = (): Tally => ({ raw: 0, gzip: 0, files: 0 });

/** Raw and gzip bytes of the JS and of the CSS among loaded files; a URL loaded twice counts once. */
export function tallyLoads(files: readonly LoadedFile[]): { js: Tally; css: Tally } {
  const out = { js: empty(), css: empty() };
  const seen = new Set<string>();
  for (const file of files) {
    if (file.kind === 'other' || seen.has(file.url)) continue;
    seen.add(file.url);
    const tally = out[file.kind];
    tally.raw += file.raw;
    tally.gzip += file.gzip;
    tally.files++;
  }
  return out;
}

/** A loaded file as a LoadedFile, measured from its body. */
export function measureFile(url: string, contentType: string, body: Uint8Array): LoadedFile {
  return { url, kind: kindOf(url, contentType), raw: body.length, gzip: gzipSize(body) };
}
