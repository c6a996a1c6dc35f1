import css from './editor.css?inline';

const MARKER = 'data-asset-selector-editor';

/**
 * The editor's stylesheet travels with the editor's chunk (ESM build), so a host whose users never
 * edit never loads it. Added once per document or shadow root, right after the selector's own sheet.
 * The script-tag build links one stylesheet with both and swaps this for a no-op (vite.config.ts).
 */
export function injectEditorStyles(root: Document | ShadowRoot): void {
  if (root.querySelector(`style[${MARKER}]`)) return;
  const doc: Document = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = css;
  const main = root.querySelector('[data-asset-selector]');
  if (main) main.after(style);
  else (root === doc ? (doc.head ?? doc.documentElement) : root).append(style);
}
