/**
 * The script-tag build: `window.AssetSelector = { mount, defineAssetSelectorElement, version, … }`,
 * with Preact inside (vite.config.ts), and `<asset-selector>` defined as soon as the script runs.
 */
import { defineAssetSelectorElement } from './embed/assetSelectorElement.ts';

export { mount } from './embed/mount.ts';
export { defineAssetSelectorElement };
export { SelectorError } from './core/selectorError.ts';

/** The package version this bundle was built from. */
export const version: string = __ASSET_SELECTOR_VERSION__;

defineAssetSelectorElement();
