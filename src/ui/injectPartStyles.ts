import { adoptStyles } from './adoptStyles.ts';
import { STYLE_MARKER } from './injectStyles.ts';

/*
 * Only the parts loaded on demand use this (through editorHost.ts), so in the ESM build it travels
 * with them rather than in the selector's first chunk.
 */

/**
 * Adds the stylesheet of a part loaded on demand (the editor's travels with its chunk), once per
 * document or shadow root, after the selector's own: adopted as a constructed sheet, which a strict
 * Content-Security-Policy allows (see adoptStyles). Marked `data-asset-selector-{name}` where it is
 * an element.
 */
export function injectPartStyles(root: Document | ShadowRoot, name: string, css: string): void {
  const marker = `${STYLE_MARKER}-${name}`;
  if (!root.querySelector(`style[${marker}]`)) adoptStyles(root, css, marker);
}
