import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when packaging changes, so that streams packaged by older code are packaged again. */
export const STREAM_FORMAT = 'stream/1';

/** What the segment route may serve: the manifests, the HLS media playlists and the fMP4 segments. */
export const STREAM_FILE = /^(manifest\.mpd|manifest\.m3u8|media_\d{1,3}\.m3u8|init-\d{1,3}\.m4s|chunk-\d{1,3}-\d{5,9}\.m4s)$/;

export interface StreamFile {
  contentType: string;
  size: number;
  /** Quoted strong validator: a hash of the bytes. */
  etag: string;
}

/** A packaged stream on disk: its folder and the files it may serve, nothing else. */
export interface PackagedStream {
  dir: string;
  files: Map<string, StreamFile>;
}

interface IndexFile {
  format: string;
  files: Record<string, StreamFile>;
}

const INDEX = 'index.json';

function contentTypeOf(name: string, audioRepresentation: number | undefined): string {
  if (name.endsWith('.mpd')) return 'application/dash+xml';
  if (name.endsWith('.m3u8')) return 'application/vnd.apple.mpegurl';
  const representation = Number(/^(?:init|chunk)-(\d+)/.exec(name)?.[1]);
  return representation === audioRepresentation ? 'audio/mp4' : 'video/mp4';
}

/**
 * Indexes what ffmpeg wrote into `dir` and writes `index.json` beside it: the HLS master is
 * renamed to `manifest.m3u8` (the spec's name), each file gets its type and a content hash for
 * its ETag. Throws when a manifest or every segment is missing, so a broken run is never published.
 */
export async function indexStream(dir: string, audioRepresentation: number | undefined): Promise<PackagedStream> {
  await rename(join(dir, 'master.m3u8'), join(dir, 'manifest.m3u8'));
  const files = new Map<string, StreamFile>();
  for (const name of (await readdir(dir)).sort()) {
    if (!STREAM_FILE.test(name)) continue;
    let data = await readFile(join(dir, name));
    if (name.startsWith('media_')) {
      data = Buffer.from(asVodPlaylist(data.toString('utf8')));
      await writeFile(join(dir, name), data);
    }
    files.set(name, {
      contentType: contentTypeOf(name, audioRepresentation),
      size: data.length,
      etag: `"${createHash('sha1').update(data).digest('hex').slice(0, 32)}"`,
    });
  }
  const names = [...files.keys()];
  for (const required of ['manifest.mpd', 'manifest.m3u8']) if (!files.has(required)) throw new Error(`packaging wrote no ${required}`);
  if (!names.some((n) => n.startsWith('init-')) || !names.some((n) => n.startsWith('chunk-'))) throw new Error('packaging wrote no segments');
  const index: IndexFile = { format: STREAM_FORMAT, files: Object.fromEntries(files) };
  await writeFile(join(dir, INDEX), JSON.stringify(index));
  return { dir, files };
}

/**
 * ffmpeg's DASH muxer writes its HLS media playlists as if live: each segment stamped with the
 * wall-clock time of packaging. These are finished files: a VOD playlist, no packaging times.
 */
export function asVodPlaylist(text: string): string {
  const lines = text.split('\n').filter((line) => !line.startsWith('#EXT-X-PROGRAM-DATE-TIME'));
  if (!lines.some((line) => line.startsWith('#EXT-X-PLAYLIST-TYPE'))) {
    const version = lines.findIndex((line) => line.startsWith('#EXT-X-VERSION'));
    lines.splice(version >= 0 ? version + 1 : 1, 0, '#EXT-X-PLAYLIST-TYPE:VOD');
  }
  return lines.join('\n');
}

/** The stream published in `dir` by an earlier run, if its index is there and of this format. */
export async function readStreamIndex(dir: string): Promise<PackagedStream | undefined> {
  let index: IndexFile;
  try {
    index = JSON.parse(await readFile(join(dir, INDEX), 'utf8')) as IndexFile;
  } catch {
    return undefined;
  }
  if (index.format !== STREAM_FORMAT || typeof index.files !== 'object' || index.files === null) return undefined;
  const entries = Object.entries(index.files).filter(([name]) => STREAM_FILE.test(name));
  if (!entries.some(([name]) => name === 'manifest.m3u8') || !entries.some(([name]) => name === 'manifest.mpd')) return undefined;
  return { dir, files: new Map(entries) };
}
