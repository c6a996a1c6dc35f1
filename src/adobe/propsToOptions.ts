import type { SelectorOptions, TokenSource } from '../core/options.ts';
import type { AdobeSelectorProps } from './adobeTypes.ts';
import type { CompatConfig } from './compatConfig.ts';
import { repositoryFromId } from './compatConfig.ts';
import { filterSchemaToFilters } from './filterSchemaToFilters.ts';
import { toAdobeAsset } from './toAdobeAsset.ts';

/** Thrown when neither the configuration nor the props name a repository: shown in the container. */
export class NotConfiguredError extends Error {}

const TIERS = new Set(['delivery', 'author']);

/** A callback prop: a function, or absent (`null` too); anything else is a TypeError naming it. */
export function callbackProp(props: AdobeSelectorProps, name: string): ((...args: never[]) => unknown) | undefined {
  const value = props[name];
  if (value !== undefined && value !== null && typeof value !== 'function') throw new TypeError(`asset-selector: prop "${name}" must be a function, got ${typeof value}`);
  return (value ?? undefined) as ((...args: never[]) => unknown) | undefined;
}

/** `aemTierType`: a string or an array of `delivery` / `author`. The delivery tier is the one there is. */
function checkTiers(value: unknown): void {
  if (value === undefined) return;
  const tiers = Array.isArray(value) ? value : [value];
  if (tiers.length === 0 || !tiers.every((tier) => typeof tier === 'string' && TIERS.has(tier))) {
    throw new TypeError(`asset-selector: prop "aemTierType" must be 'delivery', 'author' or an array of them, got ${JSON.stringify(value)}`);
  }
}

function selectionTypeOf(props: AdobeSelectorProps): 'single' | 'multiple' {
  const value = props.selectionType ?? props.acvConfig?.selectionType ?? 'single';
  if (value !== 'single' && value !== 'multiple') throw new TypeError(`asset-selector: prop "selectionType" must be 'single' or 'multiple', got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Adobe's props as our options (shared/spec/adobe-compat.md). The configuration wins over the
 * page's `repositoryId`/`imsToken` (a page written for Adobe names Adobe's repository and login;
 * the configuration is what points it elsewhere). Honoured: the callbacks (`handleSelection`
 * then `onClose` on Select), `selectionType`, `aemTierType`, `rail` with draggable cards
 * (`collectionviewdata`), `filterSchema`, `selectedAssets`, `colorScheme`, `intl.locale`.
 * Everything else is accepted and ignored. Every key is present, so an update resets what a
 * re-render no longer passes.
 */
export function propsToOptions(props: AdobeSelectorProps, config: CompatConfig, token: TokenSource | undefined): SelectorOptions {
  if (typeof props !== 'object' || props === null) throw new TypeError('asset-selector: props must be an object');
  const repository = config.repository ?? repositoryFromId(props.repositoryId);
  if (!repository) throw new NotConfiguredError('asset-selector: no repository configured');
  const handleSelection = callbackProp(props, 'handleSelection');
  const handleAssetSelection = callbackProp(props, 'handleAssetSelection');
  const onClose = callbackProp(props, 'onClose');
  checkTiers(props.aemTierType);
  const selectedAssets = Array.isArray(props.selectedAssets) ? props.selectedAssets : [];
  const selected = selectedAssets.map((a) => a?.id ?? a?.['repo:assetId']).filter((id): id is string => typeof id === 'string' && id !== '');
  const locale = typeof props.intl?.locale === 'string' && props.intl.locale ? props.intl.locale : config.locale;
  const emit = (assets: Parameters<NonNullable<SelectorOptions['onSelect']>>[0]) => assets.map(toAdobeAsset);
  return {
    repository,
    searchUrl: undefined,
    token,
    apiKey: config.apiKey,
    selectionType: selectionTypeOf(props),
    mode: 'inline',
    filters: props.filterSchema === undefined ? undefined : filterSchemaToFilters(props.filterSchema),
    // Adobe's renditions are JPEG and WebP; a rendition fetched without an image Accept header is then what its type says.
    imageFormat: 'jpg',
    locale,
    colorScheme: props.colorScheme === 'light' || props.colorScheme === 'dark' ? props.colorScheme : 'auto',
    layout: props.rail === true ? 'rail' : 'panel',
    selected: selected.length > 0 ? selected : undefined,
    dragData: props.rail === true ? (assets) => ({ collectionviewdata: JSON.stringify(emit(assets)), 'text/uri-list': assets.map((a) => a.url).join('\r\n') }) : undefined,
    onSelect: (assets) => {
      (handleSelection as ((a: unknown) => void) | undefined)?.(emit(assets));
      (onClose as (() => void) | undefined)?.();
    },
    onSelectionChange: handleAssetSelection ? (assets) => (handleAssetSelection as (a: unknown) => void)(emit(assets)) : undefined,
    onClose: onClose as (() => void) | undefined,
    // A destination selector rendered here before (destinationOptions.ts) leaves no folder picker behind.
    tier: undefined,
    onSelectFolder: undefined,
  };
}
