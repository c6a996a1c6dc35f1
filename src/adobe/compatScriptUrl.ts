/** The URL of `adobe-compat.js`, read while it runs (the only time `document.currentScript` is it); files beside it are resolved on it. */
export const compatScriptUrl: string = (() => {
  const script = typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);
  return script?.src || (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
})();
