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
