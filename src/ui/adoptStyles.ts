/** A document or a shadow root: where stylesheets are adopted. */
export type StyleRoot = Document | ShadowRoot;

export function documentOf(root: StyleRoot): Document {
  // nodeType rather than instanceof: the root may belong to another realm (an iframe).
  return root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
}

/** One constructed sheet per document and CSS text, shared by every root of that document. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * `css` parsed into a constructed stylesheet of `doc`'s realm, once per document (the caller has
 * checked that the document supports `adoptedStyleSheets`).
 */
export function constructedSheet(doc: Document, css: string): CSSStyleSheet {
  let perDocument = sheets.get(doc);
  if (!perDocument) sheets.set(doc, (perDocument = new Map()));
  let sheet = perDocument.get(css);
  if (!sheet) {
    perDocument.set(css, (sheet = new doc.defaultView!.CSSStyleSheet()));
    sheet.replaceSync(css);
  }
  return sheet;
}

/**
 * Adopts `css` into `root` as a constructed stylesheet (after those already there), once: a
 * strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') forbids `<style>`
 * elements but not these. Where `adoptedStyleSheets` is missing (older browsers, jsdom) a
 * `<style>` element marked `marker` stands in.
 */
export function adoptStyles(root: StyleRoot, css: string, marker: string): undefined {
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
