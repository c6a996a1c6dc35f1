import { videoInputArgs, type VideoProbe } from './probeVideo.ts';

/** One video rendition of the ladder, by its short side (height, or width for portrait videos). */
export interface Rendition {
  shortSide: number;
  kbps: number;
}

/** Seconds per segment; keyframes are forced on this grid so every rendition switches cleanly. */
export const SEGMENT_SECONDS = 2;
/** The top rendition's short side at most: 720p is plenty for previews in an authoring tool. */
const TOP_SHORT_SIDE = 720;
/** A second rendition is made when half the top one is at least this. */
const MIN_SHORT_SIDE = 144;

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/** About 0.1 bit per pixel at 25 frames per second (16:9), in steps of 10 kb/s. */
function kbpsFor(shortSide: number): number {
  return Math.max(150, Math.round((shortSide * shortSide * 16) / 9 * 25 * 0.1 / 1000 / 10) * 10);
}

/**
 * A small ladder: the source's short side (never upscaled, at most 720) and half of it, so that a
 * player has a rendition to switch down to. A 640 × 360 video gets 360 and 180.
 */
export function streamLadder(probe: Pick<VideoProbe, 'width' | 'height'>): Rendition[] {
  const top = even(Math.min(TOP_SHORT_SIDE, probe.width, probe.height));
  const ladder = [top];
  if (even(top / 2) >= MIN_SHORT_SIDE) ladder.push(even(top / 2));
  return ladder.map((shortSide) => ({ shortSide, kbps: kbpsFor(shortSide) }));
}

/** The representation id (ffmpeg numbers output streams) of the audio track, if any. */
export function audioRepresentation(ladder: readonly Rendition[], probe: VideoProbe): number | undefined {
  return probe.hasAudio ? ladder.length : undefined;
}

/**
 * One ffmpeg run that transcodes to H.264 (+ AAC) and writes both protocols over the same fMP4
 * segments: `manifest.mpd` (DASH, SegmentTimeline) and, with `-hls_playlist`, `master.m3u8` and
 * one `media_N.m3u8` per representation (HLS version 7, `EXT-X-MAP`). One encode serves both, and
 * browsers play it through MSE (hls.js, dash.js, Shaka) or natively (Safari, recent Chrome).
 */
export function packageArgs(source: string, probe: VideoProbe, ladder: readonly Rendition[], manifestPath: string): string[] {
  const video = ladder.flatMap((r, i) => [
    // The short side fits the rung; the other follows the aspect ratio, rounded to an even number.
    `-filter:v:${i}`, `scale='if(gte(iw,ih),-2,${r.shortSide})':'if(gte(iw,ih),${r.shortSide},-2)'`,
    `-b:v:${i}`, `${r.kbps}k`, `-maxrate:v:${i}`, `${Math.round(r.kbps * 1.25)}k`, `-bufsize:v:${i}`, `${r.kbps * 2}k`,
  ]);
  const audio = probe.hasAudio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : [];
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    ...videoInputArgs(source),
    ...ladder.flatMap(() => ['-map', '0:v:0']),
    ...audio,
    '-map_metadata', '-1', '-sn', '-dn',
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-threads', '2',
    ...video,
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
    '-f', 'dash', '-seg_duration', String(SEGMENT_SECONDS), '-use_template', '1', '-use_timeline', '1', '-hls_playlist', '1',
    '-adaptation_sets', probe.hasAudio ? 'id=0,streams=v id=1,streams=a' : 'id=0,streams=v',
    '-init_seg_name', 'init-$RepresentationID$.m4s',
    '-media_seg_name', 'chunk-$RepresentationID$-$Number%05d$.m4s',
    manifestPath,
  ];
}
