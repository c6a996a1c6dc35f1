/**
 * URLs of files that ship beside the script-tag build (its stylesheet, its message catalogs).
 * The script's own URL is read while it runs, the only time `document.currentScript` is it; a
 * script inserted some other way is found by its file name.
 */
const scriptUrl = (() => {
  const doc = typeof document === 'undefined' ? undefined : document;
  const script = doc?.currentScript as HTMLScriptElement | null | undefined;
  return script?.src || [...(doc?.scripts ?? [])].map((s) => s.src).find((s) => /asset-selector[^/]*\.iife\.js(\?|$)/.test(s)) || doc?.baseURI || 'http://localhost/';
})();

export function besideScript(fileName: string): string {
  return new URL(fileName, scriptUrl).href;
}
