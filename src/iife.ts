/**
 * The script-tag build: `window.AssetSelector = { mount, defineAssetSelectorElement, version, … }`,
 * with React inside, and `<asset-selector>` defined as soon as the script runs.
 */
import { defineAssetSelectorElement } from './embed/assetSelectorElement.ts';
import { EXTRAS_RUNTIME } from './ui/extras/extrasRuntime.ts';
import { extrasRuntimeValues } from './ui/extras/extrasRuntimeValues.ts';

export { mount } from './embed/mount.ts';
export { defineAssetSelectorElement };
export { SelectorError } from './core/selectorError.ts';

/** The package version this bundle was built from. */
export const version: string = __ASSET_SELECTOR_VERSION__;

defineAssetSelectorElement();

// What asset-selector.extras.js shares with this script (see src/ui/extras/).
(globalThis as unknown as Record<symbol, unknown>)[EXTRAS_RUNTIME] = extrasRuntimeValues;
