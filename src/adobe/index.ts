/**
 * `asset-selector/adobe`: the named exports of Adobe's Asset Selector (`@assets/selectors`) on
 * our selector, for pages written against it (shared/spec/adobe-compat.md). React and React DOM
 * are peers, as for `asset-selector`; the components render a plain element and draw into it
 * with the selector's own renderer, so they work with another copy of `react` on the page.
 */
import { mount } from '../embed/mount.ts';
import { addEnglish } from '../i18n/catalogs.ts';
import { messagesEnAdobe } from '../i18n/messages.en.adobe.ts';
import { createPureJSSelectors } from './createPureJSSelectors.ts';
import { hostComponent } from './reactComponents.ts';

// The few messages only these pages show, in English (the other catalogs have them already).
addEnglish(messagesEnAdobe);

export const PureJSSelectors = createPureJSSelectors(() => Promise.resolve(mount));

export const {
  renderAssetSelector,
  renderAssetSelectorWithAuthFlow,
  renderDestinationSelector,
  renderDestinationSelectorWithAuthFlow,
  registerAssetsSelectorsAuthService,
  renderContentAdvisorWithAuthFlow,
  registerContentAdvisorAuthService,
  renderAssetSelectorWithIms,
  registerAssetSelectorsIms,
  getDefaultInfoPopoverData,
  getAssetsSelectorsAuthService,
  clearAssetsSelectorsAuthService,
  configure,
} = PureJSSelectors;

export const AssetSelector = hostComponent('AssetSelector', renderAssetSelector, PureJSSelectors);
export const AssetSelectorWithAuthFlow = hostComponent('AssetSelectorWithAuthFlow', renderAssetSelectorWithAuthFlow, PureJSSelectors);
export const DestinationSelector = hostComponent('DestinationSelector', renderDestinationSelector, PureJSSelectors);
export const DestinationSelectorWithAuthFlow = hostComponent('DestinationSelectorWithAuthFlow', renderDestinationSelectorWithAuthFlow, PureJSSelectors);

export { toAdobeAsset } from './toAdobeAsset.ts';
export type { AdobeAsset, AdobeAuthProps, AdobeAuthService, AdobeFilterGroup, AdobeRendition, AdobeSelectorProps } from './adobeTypes.ts';
export type { CompatConfig } from './compatConfig.ts';
export type { PureJSSelectorsApi } from './createPureJSSelectors.ts';
export type { AdobeComponentProps, HostComponent } from './reactComponents.ts';
