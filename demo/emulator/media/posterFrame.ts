import { videoInputArgs, type VideoProbe } from './probeVideo.ts';

/** Frames the `thumbnail` filter may weigh; it holds them all, so fewer for large frames. */
const MAX_CANDIDATES = 50;
/** Memory those candidates may take, as decoded 4:2:0 frames. */
const CANDIDATE_BYTES = 200 * 1024 * 1024;

/**
 * Where the poster is looked for: a tenth into the video, at most 5 s in. A first frame is often
 * black (a fade-in) or a title card; by then the picture has usually started.
 */
export function posterTime(duration: number | undefined): number {
  if (duration === undefined || duration < 0.5) return 0;
  return Math.min(duration * 0.1, 5);
}

/** How many frames from there to choose among. */
export function candidateCount(probe: Pick<VideoProbe, 'width' | 'height'>): number {
  const frameBytes = Math.max(1, probe.width * probe.height * 1.5);
  return Math.max(1, Math.min(MAX_CANDIDATES, Math.floor(CANDIDATE_BYTES / frameBytes)));
}

/**
 * One PNG on stdout, at the video's display size (rotation applied): of the frames from
 * {@link posterTime} on, the one closest to their average colour histogram (ffmpeg's `thumbnail`
 * filter), so that a black or flash frame is passed over.
 */
export function posterArgs(source: string, probe: VideoProbe, seekSeconds: number): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-threads', '2',
    ...videoInputArgs(source, seekSeconds),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', `thumbnail=${candidateCount(probe)}`,
    '-frames:v', '1',
    '-f', 'image2pipe', '-c:v', 'png', '-',
  ];
}
