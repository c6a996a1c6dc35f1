/**
 * `dist/adobe-compat.js`: Adobe's `window.PureJSSelectors`, defined as soon as this classic
 * script has run (pages call it from inline scripts in `<head>`), on top of the script-tag build,
 * which it loads from beside itself at once; renders wait for it.
 */
import { createPureJSSelectors, type PureJSSelectorsApi } from './adobe/createPureJSSelectors.ts';
import { scriptTagMount } from './adobe/scriptTagMount.ts';

declare global {
  interface Window {
    PureJSSelectors?: PureJSSelectorsApi;
  }
}

window.PureJSSelectors = createPureJSSelectors(scriptTagMount);
void scriptTagMount().catch((error: unknown) => console.error(error));
