/**
 * Pixel size of an MP4/QuickTime video, from its track headers: the `tkhd` box ends with width
 * and height as 16.16 fixed-point numbers. The largest non-zero pair is the video track's (audio
 * tracks carry 0 × 0). Returns undefined when the file has no readable track header.
 */
export function mp4Dimensions(data: Buffer): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  for (let at = data.indexOf('tkhd'); at >= 4; at = data.indexOf('tkhd', at + 4)) {
    const size = data.readUInt32BE(at - 4);
    const end = at - 4 + size;
    if (size < 84 || end > data.length) continue;
    const width = data.readUInt32BE(end - 8) / 65536;
    const height = data.readUInt32BE(end - 4) / 65536;
    if (width > 0 && height > 0 && (!best || width * height > best.width * best.height)) best = { width: Math.round(width), height: Math.round(height) };
  }
  return best;
}

/** The first page's size in PostScript points, from its `/MediaBox`. */
export function pdfPageSize(data: Buffer): { width: number; height: number } | undefined {
  const match = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(data.subarray(0, 65536).toString('latin1'));
  if (!match) return undefined;
  const [x0, y0, x1, y1] = match.slice(1).map(Number) as [number, number, number, number];
  return { width: Math.round(Math.abs(x1 - x0)), height: Math.round(Math.abs(y1 - y0)) };
}
