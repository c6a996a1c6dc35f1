import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';

const run = promisify(execFile);

/** jsdom ships no types; its DOMParser is all these tests take from it. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };

interface ClipOptions {
  width: number;
  height: number;
  /** Seconds of black before the test pattern starts: a poster taken at 0 would be black. */
  blackSeconds?: number;
  seconds: number;
  audio?: boolean;
}

/** A real H.264 (+ AAC) MP4 made by ffmpeg from its test sources, for catalogs the tests build. */
export async function makeClip(file: string, { width, height, blackSeconds = 0, seconds, audio = false }: ClipOptions): Promise<void> {
  const size = `${width}x${height}`;
  const inputs = ['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=25:d=${seconds - blackSeconds}`];
  let video = '0:v';
  let filter = '';
  if (blackSeconds > 0) {
    inputs.unshift('-f', 'lavfi', '-i', `color=black:s=${size}:r=25:d=${blackSeconds}`);
    filter = '[0:v][1:v]concat=n=2:v=1:a=0[v]';
    video = '[v]';
  }
  if (audio) inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  const audioIndex = blackSeconds > 0 ? 2 : 1;
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', ...inputs,
    ...(filter ? ['-filter_complex', filter] : []),
    '-map', video, ...(audio ? ['-map', `${audioIndex}:a`, '-c:a', 'aac'] : []),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-t', String(seconds), file,
  ]);
}

/** Top-level ISO BMFF box types, in order: what an init segment or a media segment is made of. */
export function boxTypes(data: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= data.length; ) {
    let size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (size === 1) size = Number(data.readBigUInt64BE(at + 8));
    else if (size === 0) size = data.length - at;
    if (size < 8 || !/^[a-z0-9 ]{4}$/i.test(type)) throw new Error(`not an MP4 box at ${at}: ${JSON.stringify(type)}`);
    types.push(type);
    at += size;
  }
  return types;
}

/** What ffprobe makes of init + segment: their codec, size and the frames it could decode. */
export async function decodeSegment(init: Buffer, segment: Buffer): Promise<{ codec: string; width?: number; height?: number; frames: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'segment-'));
  try {
    const file = join(dir, 'joined.mp4');
    await writeFile(file, Buffer.concat([init, segment]));
    const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', file]);
    const stream = (JSON.parse(stdout) as { streams: Array<{ codec_name: string; width?: number; height?: number; nb_read_frames?: string }> }).streams[0]!;
    return { codec: stream.codec_name, width: stream.width, height: stream.height, frames: Number(stream.nb_read_frames ?? 0) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An HLS playlist as a reader sees it: tags with their attributes, and the URIs in order. */
export function parsePlaylist(text: string) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const attributes = (line: string): Record<string, string> => Object.fromEntries([...line.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)].map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, '')]));
  return {
    lines,
    variants: lines.flatMap((line, i): Array<Record<string, string> & { uri: string }> => (line.startsWith('#EXT-X-STREAM-INF:') ? [{ ...attributes(line.slice(18)), uri: lines[i + 1]! }] : [])),
    media: lines.filter((l) => l.startsWith('#EXT-X-MEDIA:')).map((l) => attributes(l.slice(13))),
    map: lines.find((l) => l.startsWith('#EXT-X-MAP:'))?.match(/URI="([^"]+)"/)?.[1],
    segments: lines.flatMap((line, i) => (line.startsWith('#EXTINF:') ? [{ duration: Number.parseFloat(line.slice(8)), uri: lines[i + 1]! }] : [])),
  };
}

/** An MPD parsed as XML (jsdom's DOMParser): null when it is not well-formed. */
export function parseMpd(text: string): Document | null {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
}

/**
 * Every segment URL of each Representation in an MPD with SegmentTemplate + SegmentTimeline
 * (`$RepresentationID$`, `$Number%05d$`), as a DASH player would expand it.
 */
export function mpdSegments(doc: Document): Array<{ id: string; mimeType: string; width?: number; height?: number; init: string; media: string[] }> {
  return [...doc.getElementsByTagName('Representation')].map((rep) => {
    const template = rep.getElementsByTagName('SegmentTemplate')[0] ?? rep.parentElement!.getElementsByTagName('SegmentTemplate')[0]!;
    const id = rep.getAttribute('id')!;
    const fill = (pattern: string, number?: number) =>
      pattern.replace('$RepresentationID$', id).replace(/\$Number(?:%0(\d+)d)?\$/, (_, pad: string | undefined) => String(number).padStart(Number(pad ?? 0), '0'));
    let count = 0;
    for (const s of template.getElementsByTagName('S')) count += 1 + Number(s.getAttribute('r') ?? 0);
    const start = Number(template.getAttribute('startNumber') ?? 1);
    const mimeType = rep.getAttribute('mimeType') ?? rep.parentElement!.getAttribute('mimeType') ?? '';
    const width = rep.getAttribute('width');
    const height = rep.getAttribute('height');
    return {
      id,
      mimeType,
      ...(width ? { width: Number(width) } : {}),
      ...(height ? { height: Number(height) } : {}),
      init: fill(template.getAttribute('initialization')!),
      media: Array.from({ length: count }, (_, i) => fill(template.getAttribute('media')!, start + i)),
    };
  });
}
