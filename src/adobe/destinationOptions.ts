import type { SelectorOptions, TokenSource } from '../core/options.ts';
import type { AdobeSelectorProps } from './adobeTypes.ts';
import { repositoryFromId, type CompatConfig } from './compatConfig.ts';
import { callbackProp, NotConfiguredError } from './propsToOptions.ts';
import { toAdobeFolder } from './toAdobeFolder.ts';

/**
 * The destination selector's props as our options: the selector as a folder picker over the
 * repository's folders (`onSelectFolder`, author tier). Select calls `onConfirm` (or, when the
 * page passes none, `handleSelection`) with the folder, then `onClose`; Cancel calls `onClose`.
 * The configuration, `repositoryId`/`imsToken`, `colorScheme` and `intl.locale` are read as for
 * the asset selector; everything else is accepted and ignored.
 */
export function destinationOptions(props: AdobeSelectorProps, config: CompatConfig, token: TokenSource | undefined): SelectorOptions {
  if (typeof props !== 'object' || props === null) throw new TypeError('asset-selector: props must be an object');
  const repository = config.repository ?? repositoryFromId(props.repositoryId);
  if (!repository) throw new NotConfiguredError('asset-selector: no repository configured');
  const confirm = (callbackProp(props, 'onConfirm') ?? callbackProp(props, 'handleSelection')) as ((folder: unknown) => void) | undefined;
  const onClose = callbackProp(props, 'onClose') as (() => void) | undefined;
  return {
    repository,
    token,
    apiKey: config.apiKey,
    locale: typeof props.intl?.locale === 'string' && props.intl.locale ? props.intl.locale : config.locale,
    colorScheme: props.colorScheme === 'light' || props.colorScheme === 'dark' ? props.colorScheme : 'auto',
    tier: 'author',
    onSelectFolder: (folder) => {
      confirm?.(toAdobeFolder(folder, repository));
      onClose?.();
    },
    onClose,
  };
}
