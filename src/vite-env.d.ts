/// <reference types="vite/client" />

/** The package version, replaced at build time by vite's `define` (vite.config.ts). */
declare const __ASSET_SELECTOR_VERSION__: string;

/** hls.js's minified light build as an ES module: the package's types are those of its main entry. */
declare module 'hls.js/dist/hls.light.min.mjs' {
  import Hls from 'hls.js';
  export default Hls;
}
