import { STYLE_MARKER } from './injectStyles.ts';

/*
 * Only the parts loaded on demand use this (through editorHost.ts), so in the ESM build it travels
 * with them rather than in the selector's first chunk.
 */

/**
 * Adds the stylesheet of a part loaded on demand (the editor's travels with its chunk), once per
 * document or shadow root, right after the selector's own sheet, or last when there is none (a
 * host that links the styles itself). Marked `data-asset-selector-{name}`.
 */
export function injectPartStyles(root: Document | ShadowRoot, name: string, css: string): void {
  const marker = `${STYLE_MARKER}-${name}`;
  if (root.querySelector(`style[${marker}]`)) return;
  const doc: Document = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const style = doc.createElement('style');
  style.setAttribute(marker, '');
  style.textContent = css;
  const main = root.querySelector(`[${STYLE_MARKER}]`);
  if (main) main.after(style);
  else (root === doc ? (doc.head ?? doc.documentElement) : root).append(style);
}
