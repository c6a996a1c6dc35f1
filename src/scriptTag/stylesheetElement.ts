import { besideScript } from './besideScript.ts';

/**
 * Stands in for ui/stylesheetElement.ts. The script-tag build links `asset-selector.css` from beside the script instead of carrying it:
 * the bundle stays within its size budget, the browser caches the sheet, and a host whose
 * Content-Security-Policy forbids inline styles (`style-src 'self'`) needs nothing extra.
 */
const href = besideScript('asset-selector.css');

export function stylesheetElement(doc: Document): HTMLStyleElement | HTMLLinkElement {
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  return link;
}
