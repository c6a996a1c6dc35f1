import type { FlipMode, RotateAngle } from './modifiers.ts';

/** A clockwise turn followed, optionally, by a horizontal mirror. */
export interface Orientation {
  angle: 0 | RotateAngle;
  mirror: boolean;
}

/**
 * Reduces rotate-then-flip to one of the eight distinct orientations: a vertical flip is a 180°
 * turn plus a horizontal one, and `hv` is a 180° turn. Rendering and cache keys both go through
 * this, so URLs that mean the same orientation render the same bytes and share a cache entry.
 */
export function normalizeOrientation(rotate: RotateAngle | undefined, flip: FlipMode | undefined): Orientation {
  const angle = rotate ?? 0;
  if (flip === 'v' || flip === 'hv') return { angle: ((angle + 180) % 360) as Orientation['angle'], mirror: flip === 'v' };
  return { angle, mirror: flip === 'h' };
}
