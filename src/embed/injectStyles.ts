import css from '../ui/styles.css?inline';

/** The attribute that marks the selector's `<style>`; it also lets a host find and replace it. */
export const STYLE_MARKER = 'data-asset-selector';

/**
 * Adds the selector's stylesheet to a document or a shadow root, once per root (further calls and
 * further selectors in the same root reuse it). The CSS travels inside the bundle so that a script
 * tag is the whole set-up; hosts whose CSP forbids inline styles link `asset-selector/style.css`
 * instead, and the blocked `<style>` is then harmless.
 */
export function injectStyles(root: Document | ShadowRoot): void {
  if (root.querySelector(`style[${STYLE_MARKER}]`)) return;
  // nodeType rather than instanceof: the root may belong to another realm (an iframe).
  const doc: Document = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const style = doc.createElement('style');
  style.setAttribute(STYLE_MARKER, '');
  style.textContent = css;
  if (root === doc) (doc.head ?? doc.documentElement).append(style);
  // First in a shadow root, so that styles the host adds after it can override ours.
  else root.prepend(style);
}
