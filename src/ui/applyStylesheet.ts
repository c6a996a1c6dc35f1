import { adoptStyles } from './adoptStyles.ts';

/*
 * How the selector's stylesheet reaches a document or shadow root, in the ESM build. Its CSS is a
 * chunk of its own (as the script-tag build's is a file beside it), which starts loading as this
 * module runs, long before a selector mounts in most hosts; so the first chunk carries no CSS, and
 * a selector mounted before the sheet is here is not drawn until it is (never one unstyled frame).
 * The script-tag build swaps this module for src/scriptTag/applyStylesheet.ts.
 */
let css: string | undefined;
const arriving: Promise<void> = import('./styles.css?inline').then(
  (module) => {
    css = module.default;
  },
  // Unstyled beats invisible: a chunk that failed to load must not hide the selector for good.
  (error: unknown) => {
    css = '';
    console.warn(`asset-selector: could not load the stylesheet (${String(error)}); the selector is shown unstyled`);
  },
);

/**
 * Adopts the selector's stylesheet into `root` (see adoptStyles), now or as soon as it is here;
 * returns a promise in the latter case, so that a caller can leave the selector undrawn until then.
 */
export function applyStylesheet(root: Document | ShadowRoot, marker: string): Promise<void> | undefined {
  const adopt = () => adoptStyles(root, css!, marker);
  return css === undefined ? arriving.then(adopt) : adopt();
}
