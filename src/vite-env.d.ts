/// <reference types="vite/client" />

/** The package version, replaced at build time by vite's `define` (vite.config.ts). */
declare const __ASSET_SELECTOR_VERSION__: string;
