/** What packaging and the poster need to know about a video, read from `ffmpeg -i`. */
export interface VideoProbe {
  /** Seconds; undefined when the container does not say. */
  duration: number | undefined;
  /** Of the first video stream, as coded (a rotation flag swaps them on screen, not in here). */
  width: number;
  height: number;
  hasAudio: boolean;
}

/** Input options for every run over a stored video: the container is forced, only local files are read. */
export function videoInputArgs(source: string, seekSeconds?: number): string[] {
  // Forcing the mov demuxer (MP4, M4V, MOV) means a "video" that is really a playlist or a concat
  // script is refused, rather than followed to other files; the whitelist keeps ffmpeg off the network.
  return ['-protocol_whitelist', 'file', '-f', 'mov', ...(seekSeconds ? ['-ss', seekSeconds.toFixed(3)] : []), '-i', source];
}

export function probeArgs(source: string): string[] {
  return ['-hide_banner', '-nostdin', ...videoInputArgs(source)];
}

/**
 * Parses ffmpeg's description of its input (stderr of `ffmpeg -i`, which then exits 1 for want of
 * an output). This text is the one interface every ffmpeg build has, ffprobe is not always shipped
 * beside it. Undefined when it names no video stream.
 */
export function parseProbe(stderr: string): VideoProbe | undefined {
  const streams = stderr.split(/\r?\n/).filter((line) => /^\s*Stream #\d+:\d+/.test(line));
  // ", 640x360," or ", 640x360 [SAR 1:1 …]": the comma keeps the codec tag's "0x31637661" out.
  const video = streams.map((line) => /: Video: .*?, (\d{1,5})x(\d{1,5})\b/.exec(line)).find(Boolean);
  if (!video) return undefined;
  const time = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const duration = time ? Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]) : undefined;
  return {
    duration: duration !== undefined && duration > 0 ? duration : undefined,
    width: Number(video[1]),
    height: Number(video[2]),
    hasAudio: streams.some((line) => /: Audio: /.test(line)),
  };
}
