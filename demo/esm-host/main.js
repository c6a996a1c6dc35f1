// The ESM build (`asset-selector`, React a peer: this page bundles React 19) behind the same
// global the script-tag build defines, so one page's specs can drive either build.
import { defineAssetSelectorElement, mount, SelectorError, version } from 'asset-selector';

defineAssetSelectorElement();
window.AssetSelector = { mount, defineAssetSelectorElement, SelectorError, version };
