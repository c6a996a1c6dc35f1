/**
 * URLs of files that ship beside the script-tag build (its stylesheet, its message catalogs, its
 * editors). The script's own URL is read while it runs, the only time `document.currentScript` is
 * it; a script inserted some other way is found by its file name.
 */
const script = (() => {
  const doc = typeof document === 'undefined' ? undefined : document;
  const current = doc?.currentScript as HTMLScriptElement | null | undefined;
  return current?.src ? current : [...(doc?.scripts ?? [])].find((s) => /asset-selector[^/]*\.iife\.js(\?|$)/.test(s.src));
})();
const scriptUrl = script?.src || (typeof document === 'undefined' ? undefined : document.baseURI) || 'http://localhost/';

export function besideScript(fileName: string): string {
  return new URL(fileName, scriptUrl).href;
}

/**
 * The script's nonce, for the scripts it adds: a page whose Content-Security-Policy allows scripts
 * by nonce let this one run, and the same nonce lets its editors run. (The `nonce` property, not
 * the attribute, which browsers blank once the script is parsed.)
 */
export const scriptNonce: string | undefined = script?.nonce || undefined;
