import { formatColor } from './colorModifier.ts';
import type { Modifiers } from './modifiers.ts';
import { normalizeOrientation } from './orientation.ts';

/**
 * A stable, sorted `key=value&…` string of what the modifiers do to the pixels, for cache keys
 * and ETags: URLs that render the same bytes give the same string (`width=200&dpr=2` and
 * `width=400`; `preset=card` and `width=640&quality=75`; `rotate=180&flip=hv` and nothing).
 *
 * Deliberately left out, so the caller must add them to a key itself:
 * - the output format (auto-format only chooses it) and the endpoint's defaults (width, quality);
 * - `attachment`, which changes a header, not the bytes;
 * - the resolved smart-crop box, which depends on the asset.
 */
export function canonicalModifiers(m: Modifiers): string {
  const out = new Map<string, string>();
  const dpr = m.dpr ?? 1;
  if (m.width !== undefined) out.set('width', String(Math.round(m.width * dpr)));
  if (m.height !== undefined) out.set('height', String(Math.round(m.height * dpr)));
  const sized = m.width !== undefined || m.height !== undefined;
  // Without an explicit size dpr only scales a smart crop's target size; otherwise it is a no-op.
  if (!sized && m.smartcrop !== undefined && dpr !== 1) out.set('dpr', String(dpr));
  // fit only matters when there is a box to fit into: both dimensions, or a smart crop's target.
  if (m.width !== undefined && m.height !== undefined) out.set('fit', m.fit ?? 'contain');
  else if (!sized && m.smartcrop !== undefined) out.set('fit', m.fit ?? 'crop');

  const c = m.crop;
  if (c && !(c.x === 0 && c.y === 0 && c.width === 100 && c.height === 100)) {
    out.set('crop', `${c.x}p,${c.y}p,${c.width}p,${c.height}p`);
  }
  if (m.smartcrop !== undefined) out.set('smartcrop', m.smartcrop);

  const { angle, mirror } = normalizeOrientation(m.rotate, m.flip);
  if (angle !== 0) out.set('rotate', String(angle));
  if (mirror) out.set('flip', 'h');

  const quality = m.quality ?? m.maxQuality;
  if (quality !== undefined) out.set('quality', String(quality));
  if (m.blur) out.set('blur', String(m.blur));
  if (m.sharpen) out.set('sharpen', 'true');
  const u = m.unsharpMask;
  if (u && u.amount > 0 && u.radius > 0) out.set('unsharp-mask', `${u.amount},${u.radius},${u.threshold},${u.monochrome}`);
  if (m.backgroundColor) out.set('background-color', formatColor(m.backgroundColor));

  return [...out.keys()].sort().map((key) => `${key}=${out.get(key) ?? ''}`).join('&');
}
