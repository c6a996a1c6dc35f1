import type { ExtrasComponents } from './extrasRuntime.ts';

/**
 * Loads a part few sessions use. In the ESM build each is a chunk of its own, so hosts whose
 * users never open it never load it; the script-tag build swaps this file for src/scriptTag/loadExtra.ts.
 */
export function loadExtra<K extends keyof ExtrasComponents>(name: K): Promise<{ default: ExtrasComponents[K] }> {
  const loading: Promise<unknown> =
    name === 'ImageEditor'
      ? import('../editor/ImageEditor.tsx').then((m) => m.ImageEditor)
      : import('../AdvancedQueryEditor.tsx').then((m) => m.AdvancedQueryEditor);
  return loading.then((component) => ({ default: component as ExtrasComponents[K] }));
}
