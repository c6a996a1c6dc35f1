import type * as AssetSelectorPackage from 'asset-selector';

/**
 * What `<script src="…/asset-selector.iife.js">` defines as `window.AssetSelector`, typed from the
 * package's own declarations, so that a change in the package's API breaks this app's build.
 */
type AssetSelectorGlobal = Pick<typeof AssetSelectorPackage, 'mount' | 'defineAssetSelectorElement' | 'SelectorError' | 'version'>;

declare global {
  interface Window {
    AssetSelector: AssetSelectorGlobal;
  }
}
