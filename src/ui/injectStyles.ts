import { constructedSheet } from './constructedSheet.ts';
import { stylesheetElement } from './stylesheetElement.ts';

/** The attribute that marks the selector's stylesheet element; it also lets a host find and replace it. */
export const STYLE_MARKER = 'data-asset-selector';

type StyleRoot = Document | ShadowRoot;

const loading = new WeakMap<Element, Promise<void>>();
/** Roots that hold the selector's own sheet (adopted sheets carry no marker to look for). */
const styled = new WeakSet<StyleRoot>();

function documentOf(root: StyleRoot): Document {
  // nodeType rather than instanceof: the root may belong to another realm (an iframe).
  return root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
}

/**
 * Adopts `css` into `root` as a constructed stylesheet (after those already there), once: a
 * strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') forbids `<style>`
 * elements but not these. Where `adoptedStyleSheets` is missing (older browsers, jsdom) a
 * `<style>` element marked `marker` stands in.
 */
export function adoptStyles(root: StyleRoot, css: string, marker: string): void {
  const doc = documentOf(root);
  const view = doc.defaultView!;
  if (!('adoptedStyleSheets' in view.Document.prototype)) {
    const style = doc.createElement('style');
    style.setAttribute(marker, '');
    style.textContent = css;
    (root === doc ? doc.head : root).append(style);
    return;
  }
  const sheet = constructedSheet(doc, css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Adds the selector's stylesheet to a document or a shadow root, once per root (further calls and
 * further selectors in the same root reuse it). Returns a promise while a linked stylesheet is
 * still loading (the script-tag build), so a caller can keep the selector hidden until it is
 * styled; undefined when the styles already apply.
 */
export function injectStyles(root: StyleRoot): Promise<void> | undefined {
  if (styled.has(root)) return loading.get(root.querySelector(`link[${STYLE_MARKER}]`) as Element);
  const existing = root.querySelector(`[${STYLE_MARKER}]`);
  if (existing) return loading.get(existing);
  styled.add(root);
  const doc = documentOf(root);
  const element = stylesheetElement(doc);
  if (element.localName === 'style') {
    // The ESM build carries its CSS: adopted, not inserted as an element (see adoptStyles).
    adoptStyles(root, element.textContent!, STYLE_MARKER);
    return undefined;
  }
  // The script-tag build links its sheet from beside the script: a `style-src 'self'` policy allows that.
  element.setAttribute(STYLE_MARKER, '');
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
  if (root === doc) (doc.head ?? doc.documentElement).append(element);
  else root.prepend(element);
  return ready;
}
