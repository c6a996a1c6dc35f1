import { adoptStyles, constructedSheet, documentOf, type StyleRoot } from '../ui/adoptStyles.ts';
import { besideScript } from './besideScript.ts';

/**
 * Stands in for ui/applyStylesheet.ts. The script-tag build links `asset-selector.css` from beside the script instead of carrying it:
 * the bundle stays within its size budget, the browser caches the sheet, and a host whose
 * Content-Security-Policy forbids inline styles (`style-src 'self'`) needs nothing extra.
 */
const href = besideScript('asset-selector.css');

/**
 * The sheet's rules as text, once a linked copy has loaded and could be read (same origin, or
 * served with CORS). A selector mounted after that adopts them as a constructed sheet, shared by
 * every shadow root of the page (adoptStyles.ts): styled in its first frame, not waiting for a
 * link to load, and its rules parsed once. Cross-origin without CORS, each selector keeps linking.
 */
let learned: string | undefined;
/** The first linked copy's sheet once loaded: still readable after its selector (and link) went. */
let loaded: CSSStyleSheet | undefined;

const adopts = (doc: Document) => 'adoptedStyleSheets' in doc;

/**
 * A link to the sheet. Once loaded, its sheet is kept and read while the page is idle (the first
 * selector's results render then): written out, and parsed into the sheet the next selector adopts.
 */
function linkSheet(doc: Document): HTMLLinkElement {
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.addEventListener(
    'load',
    () => {
      loaded ??= link.sheet ?? undefined;
      (self.requestIdleCallback ?? setTimeout)(() => loaded && learn(loaded, doc));
    },
    { once: true },
  );
  return link;
}

/**
 * Adds the sheet to `root`: adopted at once where its rules are known, else linked (a promise until
 * the link has loaded, so a caller can leave the selector undrawn until it is styled).
 */
export function applyStylesheet(root: StyleRoot, marker: string): Promise<void> | undefined {
  const doc = documentOf(root);
  // A selector mounted before the page was idle enough to learn them learns them now: a few
  // milliseconds, against being laid out unstyled (every card rendered at the wrong size, and its
  // thumbnail asked for at the wrong width) until a link of its own has loaded.
  if (learned === undefined && loaded) learn(loaded, doc);
  if (learned !== undefined && adopts(doc)) return adoptStyles(root, learned, marker);
  const link = linkSheet(doc);
  link.setAttribute(marker, '');
  // A link loads (or fails) once.
  const ready = new Promise<void>((done) => {
    link.addEventListener('load', () => done());
    // Unstyled beats invisible: an unreachable sheet must not hide the selector for good.
    link.addEventListener('error', () => {
      console.warn(`asset-selector: could not load ${link.href}; the selector is shown unstyled`);
      done();
    });
  });
  if (root === doc) (doc.head ?? doc.documentElement).append(link);
  else root.prepend(link);
  return ready;
}

// The sheet starts loading as the script runs, not at the first mount: a page that opens a
// selector later (on a click) has the rules by then, and even its first selector is styled in its
// first frame rather than hidden until a link of its own has loaded. `media="not all"`: fetched,
// applied to nothing. Its link leaves the document once settled; its sheet stays readable.
if (typeof document !== 'undefined' && adopts(document)) {
  const early = linkSheet(document);
  early.media = 'not all';
  early.onload = early.onerror = () => early.remove();
  (document.head ?? document.documentElement).append(early);
}

function learn(sheet: CSSStyleSheet, doc: Document): void {
  try {
    const rules = sheet.cssRules;
    if (learned !== undefined || !rules.length) return;
    learned = Array.from(rules, (rule) => rule.cssText).join('\n');
    if (adopts(doc)) constructedSheet(doc, learned);
  } catch {
    // A cross-origin sheet without CORS cannot be read: linking it goes on working.
    loaded = undefined;
  }
}
