import type HlsType from 'hls.js';

/** The hls.js player class (its light build: HLS without DRM, subtitles or alternate audio). */
export type Hls = typeof HlsType;

/**
 * hls.js, loaded only when a video plays where the browser cannot play HLS itself (or a restricted
 * one: see core/videoPlayback.ts). In the ESM build a chunk of its own; the script-tag build loads
 * `asset-selector.hls.js` beside its script instead (src/scriptTag/loadHls.ts).
 */
export const loadHls = (): Promise<Hls> => import('hls.js/dist/hls.light.min.mjs').then((m) => m.default as Hls);
