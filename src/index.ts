/**
 * `asset-selector`: the React component, the vanilla `mount()` API and the `<asset-selector>`
 * element. React and React DOM are peers; everything else the selector needs is bundled.
 */
export { AssetSelector, type AssetSelectorProps } from './ui/AssetSelector.tsx';
export { mount, type SelectorHandle } from './embed/mount.ts';
export {
  defineAssetSelectorElement,
  type AssetSelectorElement,
  type AssetSelectorErrorDetail,
  type AssetSelectorEventDetail,
  type AssetSelectorEventMap,
} from './embed/assetSelectorElement.ts';
export { injectStyles } from './ui/injectStyles.ts';
export { SelectorError, type SelectorErrorCode } from './core/selectorError.ts';
export type { SelectorOptions, TokenSource, FilterGroup, FilterValue } from './core/options.ts';
export type { SelectedAsset, AssetKind, ImageFormat, QueryNode, TermValue, RangeBounds, ProblemDetails } from './core/types.ts';

/** The package version this bundle was built from. */
export const version: string = __ASSET_SELECTOR_VERSION__;
