/**
 * A video's length in seconds, from `xmpDM:duration` (seconds, or XMP's `{ value, scale }` with a
 * scale such as "1/1000"), when the repository gives it; undefined otherwise.
 */
export function videoDuration(assetMetadata: Record<string, unknown>): number | undefined {
  const raw = assetMetadata['xmpDM:duration'];
  let seconds: number;
  if (typeof raw === 'number' || typeof raw === 'string') seconds = Number(raw);
  else if (raw && typeof raw === 'object') {
    const { value, scale } = raw as { value?: unknown; scale?: unknown };
    const [num, den] = typeof scale === 'string' ? scale.split('/').map(Number) : [1, 1];
    seconds = (Number(value) * (num ?? 1)) / (den ?? 1);
  } else return undefined;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** `m:ss` or `h:mm:ss`, as video players write a length. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(total % 60)}` : `${m}:${pad(total % 60)}`;
}
