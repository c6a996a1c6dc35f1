import { stylesheetElement } from './stylesheetElement.ts';

/** The attribute that marks the selector's stylesheet element; it also lets a host find and replace it. */
const STYLE_MARKER = 'data-asset-selector';

type StyleRoot = Document | ShadowRoot;

const loading = new WeakMap<Element, Promise<void>>();
/** Roots that hold the selector's own sheet (adopted sheets carry no marker to look for). */
const styled = new WeakSet<StyleRoot>();
/** One constructed sheet per document and CSS text, shared by every root of that document. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

function documentOf(root: StyleRoot): Document {
  // nodeType rather than instanceof: the root may belong to another realm (an iframe).
  return root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
}

/**
 * Adopts `css` into `root` as a constructed stylesheet: a strict Content-Security-Policy
 * (`style-src 'self'`, no 'unsafe-inline') forbids `<style>` elements but not these. Where
 * `adoptedStyleSheets` is missing (older browsers, jsdom) a `<style>` element stands in.
 * `after`, when adopted, is the sheet to follow (a part's styles come after the selector's own).
 */
export function adoptStyles(root: StyleRoot, css: string, marker: string, after?: CSSStyleSheet): CSSStyleSheet | undefined {
  const doc = documentOf(root);
  const view = doc.defaultView;
  if (!view || !('adoptedStyleSheets' in view.Document.prototype) || typeof view.CSSStyleSheet.prototype.replaceSync !== 'function') {
    const style = doc.createElement('style');
    style.setAttribute(marker, '');
    style.textContent = css;
    const main = root.querySelector(`[${STYLE_MARKER}]`);
    if (marker !== STYLE_MARKER && main) main.after(style);
    else if (root === doc) (doc.head ?? doc.documentElement).append(style);
    // First in a shadow root, so that styles the host adds after it can override ours.
    else if (marker === STYLE_MARKER) root.prepend(style);
    else root.append(style);
    return undefined;
  }
  let perDocument = sheets.get(doc);
  if (!perDocument) sheets.set(doc, (perDocument = new Map()));
  let sheet = perDocument.get(css);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    perDocument.set(css, sheet);
  }
  const adopted = root.adoptedStyleSheets;
  if (adopted.includes(sheet)) return sheet;
  const at = after ? adopted.indexOf(after) : -1;
  // Ours go first (a host's own adopted sheets, added later, override them), a part right after ours.
  root.adoptedStyleSheets = at >= 0 ? [...adopted.slice(0, at + 1), sheet, ...adopted.slice(at + 1)] : marker === STYLE_MARKER ? [sheet, ...adopted] : [...adopted, sheet];
  return sheet;
}

/** The selector's own sheet as adopted in each document, for parts that go after it. */
const mainSheets = new WeakMap<StyleRoot, CSSStyleSheet>();

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
    const sheet = adoptStyles(root, element.textContent ?? '', STYLE_MARKER);
    if (sheet) mainSheets.set(root, sheet);
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

/**
 * Adds the stylesheet of a part loaded on demand (the editor's travels with its chunk), once per
 * document or shadow root, right after the selector's own sheet, or last when there is none (a
 * host that links the styles itself). Marked `data-asset-selector-{name}` where it is an element.
 */
export function injectPartStyles(root: StyleRoot, name: string, css: string): void {
  const marker = `${STYLE_MARKER}-${name}`;
  if (root.querySelector(`style[${marker}]`)) return;
  adoptStyles(root, css, marker, mainSheets.get(root));
}
