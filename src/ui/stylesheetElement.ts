import css from './styles.css?inline';

/**
 * The selector's stylesheet as an element for `root`'s document. In the ESM build the CSS travels
 * inside the bundle (the host's bundler already has it, and it applies at once). The script-tag
 * build swaps this module for src/scriptTag/stylesheetElement.ts.
 */
export function stylesheetElement(doc: Document): HTMLStyleElement | HTMLLinkElement {
  const style = doc.createElement('style');
  style.textContent = css;
  return style;
}
