import type { StyleRoot } from './adoptStyles.ts';
import { applyStylesheet } from './applyStylesheet.ts';

/** The attribute that marks the selector's stylesheet element; it also lets a host find and replace it. */
export const STYLE_MARKER = 'data-asset-selector';

/** Roots given the selector's own sheet, each with its promise while the sheet is still on its way. */
const styled = new WeakMap<StyleRoot, Promise<void> | undefined>();

/**
 * Adds the selector's stylesheet to a document or a shadow root, once per root (further calls and
 * further selectors in the same root reuse it). Returns a promise while the sheet is still on its
 * way (a chunk in the ESM build, a linked file in the script-tag build: applyStylesheet.ts), so a
 * caller can leave the selector undrawn until it is styled; undefined when the styles already apply.
 */
export function injectStyles(root: StyleRoot): Promise<void> | undefined {
  if (styled.has(root)) return styled.get(root);
  // A sheet the host put there (or another copy of the selector did).
  if (root.querySelector(`[${STYLE_MARKER}]`)) return undefined;
  const ready = applyStylesheet(root, STYLE_MARKER);
  styled.set(root, ready);
  void ready?.then(() => styled.set(root, undefined));
  return ready;
}
