/**
 * How a video plays: `native` (the browser plays HLS itself: Safari, recent Chromium), `hls` (the
 * hls.js player over Media Source Extensions, loaded only then), `original` (the progressive
 * original, where neither works), or `none`. A restricted video needs the token on every manifest
 * and segment request, which a `<video src>` cannot send and a URL must never carry: only hls.js
 * (a header on each request) plays it.
 */
export function videoPlayback(browser: { nativeHls: boolean; mse: boolean }, restricted: boolean): 'native' | 'hls' | 'original' | 'none' {
  if (restricted) return browser.mse ? 'hls' : 'none';
  if (browser.nativeHls) return 'native';
  return browser.mse ? 'hls' : 'original';
}
