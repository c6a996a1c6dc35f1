import { besideScript } from './besideScript.ts';
import { EXTRAS_COMPONENTS, type ExtrasComponents } from '../ui/extras/extrasRuntime.ts';

let loading: Promise<ExtrasComponents> | undefined;

/** Adds `asset-selector.extras.js` (beside the script) once; it registers its components when it runs. */
function loadExtrasScript(): Promise<ExtrasComponents> {
  const registry = globalThis as unknown as Record<symbol, ExtrasComponents | undefined>;
  const ready = registry[EXTRAS_COMPONENTS];
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<ExtrasComponents>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = besideScript('asset-selector.extras.js');
    script.async = true;
    script.onload = () => {
      script.remove();
      const components = registry[EXTRAS_COMPONENTS];
      if (components) resolve(components);
      else reject(new Error(`asset-selector: ${script.src} did not register its components`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`asset-selector: could not load ${script.src}`));
    };
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined; // Retry adds the script again.
    throw error;
  });
  return loading;
}

/**
 * Stands in for ui/extras/loadExtra.ts. The script-tag build keeps the parts few sessions use (the image editor, the advanced query
 * editor) in `asset-selector.extras.js`, loaded the first time one is opened, so the main script
 * stays within its size budget. The extras share this script's React and store binding (src/iife.ts).
 */
export function loadExtra<K extends keyof ExtrasComponents>(name: K): Promise<{ default: ExtrasComponents[K] }> {
  return loadExtrasScript().then((components) => ({ default: components[name] }));
}
