import type { Hls } from '../ui/video/loadHls.ts';

const FILE = 'asset-selector.hls.js';

/* Read while this file's script (the editors' script) runs: the hls.js file ships beside it. */
const own = (() => {
  const current = document.currentScript as HTMLScriptElement | null;
  return current?.src ? current : [...document.scripts].find((s) => /asset-selector[^/]*\.(editors|iife)\.js(\?|$)/.test(s.src));
})();

let loading: Promise<Hls> | undefined;

/**
 * Stands in for ui/video/loadHls.ts: hls.js's light build, copied beside the script at build time
 * (vite.config.ts), loaded as a classic script once per page when a video first needs it (with the
 * script's nonce, so a strict CSP that allows the selector allows it). A failed load is forgotten,
 * so Retry tries again.
 */
export function loadHls(): Promise<Hls> {
  loading ??= new Promise<Hls>((resolve, reject) => {
    const global = globalThis as unknown as { Hls?: Hls };
    if (global.Hls) return resolve(global.Hls);
    const script = document.createElement('script');
    script.src = new URL(FILE, own?.src || document.baseURI).href;
    if (own?.nonce) script.nonce = own.nonce;
    script.addEventListener('load', () => (global.Hls ? resolve(global.Hls) : reject(new Error(`asset-selector: ${script.src} defined no Hls`))));
    script.addEventListener('error', () => reject(new Error(`asset-selector: could not load ${script.src}`)));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
