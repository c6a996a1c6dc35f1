import { compatScriptUrl } from './compatScriptUrl.ts';
import type { MountFunction } from './renderInto.ts';

type Global = Window & { AssetSelector?: { mount?: MountFunction } };

let loading: Promise<MountFunction> | undefined;

/**
 * `mount()` of the script-tag build, `asset-selector.iife.js` beside `adobe-compat.js`: loaded
 * once (unless the page has it already), on the first call. A failed load is tried again by the
 * next render.
 */
export function scriptTagMount(): Promise<MountFunction> {
  loading ??= new Promise<MountFunction>((resolve, reject) => {
    const global = window as Global;
    if (global.AssetSelector?.mount) return resolve(global.AssetSelector.mount);
    const script = document.createElement('script');
    script.src = new URL('asset-selector.iife.js', compatScriptUrl).href;
    script.addEventListener('load', () => (global.AssetSelector?.mount ? resolve(global.AssetSelector.mount) : reject(new Error(`asset-selector: ${script.src} defined no AssetSelector.mount`))));
    script.addEventListener('error', () => reject(new Error(`asset-selector: could not load ${script.src}`)));
    (document.head ?? document.documentElement).append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
