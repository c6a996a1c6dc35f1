import { stylesheetElement } from './stylesheetElement.ts';

/** The attribute that marks the selector's stylesheet element; it also lets a host find and replace it. */
export const STYLE_MARKER = 'data-asset-selector';

const loading = new WeakMap<Element, Promise<void>>();

/**
 * Adds the selector's stylesheet to a document or a shadow root, once per root (further calls and
 * further selectors in the same root reuse it). Returns a promise while a linked stylesheet is
 * still loading (the script-tag build), so a caller can keep the selector hidden until it is
 * styled; undefined when the styles already apply.
 */
export function injectStyles(root: Document | ShadowRoot): Promise<void> | undefined {
  const existing = root.querySelector(`[${STYLE_MARKER}]`);
  if (existing) return loading.get(existing);
  // nodeType rather than instanceof: the root may belong to another realm (an iframe).
  const doc: Document = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const element = stylesheetElement(doc);
  element.setAttribute(STYLE_MARKER, '');
  if (element instanceof doc.defaultView!.HTMLLinkElement) {
    const ready = new Promise<void>((done) => {
      const finish = () => {
        loading.delete(element);
        done();
      };
      element.addEventListener('load', finish, { once: true });
      // Unstyled beats invisible: an unreachable sheet must not hide the selector for good.
      element.addEventListener('error', () => {
        console.warn(`asset-selector: could not load ${(element as HTMLLinkElement).href}; the selector is shown unstyled`);
        finish();
      }, { once: true });
    });
    loading.set(element, ready);
  }
  if (root === doc) (doc.head ?? doc.documentElement).append(element);
  // First in a shadow root, so that styles the host adds after it can override ours.
  else root.prepend(element);
  return loading.get(element);
}
