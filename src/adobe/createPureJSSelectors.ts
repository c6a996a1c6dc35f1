import type { TokenSource } from '../core/options.ts';
import type { AdobeAuthProps, AdobeAuthService, AdobeSelectorProps } from './adobeTypes.ts';
import { createAuthService } from './authService.ts';
import { destinationOptions } from './destinationOptions.ts';
import { checkConfig, currentConfig, type CompatConfig } from './compatConfig.ts';
import { showMessage } from './messageBox.ts';
import { NotConfiguredError, propsToOptions } from './propsToOptions.ts';
import { enqueueRender, isElement, renderSelector, unrender, type MountFunction } from './renderInto.ts';

declare global {
  interface Window {
    assetsSelectorsAuthService?: AdobeAuthService;
  }
}

type Render = (container: Element, props?: AdobeSelectorProps, onRenderComplete?: () => void) => undefined;
type Register = (authProps?: AdobeAuthProps, changeEnvironment?: boolean) => AdobeAuthService;

/** `window.PureJSSelectors`: every function and alias of shared/spec/adobe-compat.md, and `configure`. */
export interface PureJSSelectorsApi {
  renderAssetSelector: Render;
  renderAssetSelectorWithAuthFlow: Render;
  renderDestinationSelector: Render;
  renderDestinationSelectorWithAuthFlow: Render;
  registerAssetsSelectorsAuthService: Register;
  renderContentAdvisorWithAuthFlow: Render;
  registerContentAdvisorAuthService: Register;
  renderAssetSelectorWithIms: Render;
  registerAssetSelectorsIms: Register;
  getDefaultInfoPopoverData(map?: Record<string, unknown>): Record<string, unknown>;
  getAssetsSelectorsAuthService(): AdobeAuthService | undefined;
  clearAssetsSelectorsAuthService(): void;
  /** Our addition: the repository and token (over `window.assetSelectorCompat`). */
  configure(config: CompatConfig): void;
  /** Our addition, for components that go away (Adobe's API has no unmount): removes the selector from `container`. */
  unrender(container: Element): void;
}

const CONFIGURE_HINT = { global: 'window.assetSelectorCompat = { repository, token }', configure: 'PureJSSelectors.configure({ repository, token })' };

const localeOf = (props: AdobeSelectorProps | undefined) => (typeof props?.intl?.locale === 'string' ? props.intl.locale : undefined);

/**
 * Adobe's `PureJSSelectors` on our selector. `loadMount` gives `mount()`: at once in the ESM
 * build, once the script-tag build has loaded for `adobe-compat.js`; renders wait for it.
 */
export function createPureJSSelectors(loadMount: () => Promise<MountFunction>): PureJSSelectorsApi {
  let configured: CompatConfig = {};
  const config = () => currentConfig(configured);

  const register: Register = (authProps = {}, changeEnvironment) => {
    const existing = window.assetsSelectorsAuthService;
    if (existing && changeEnvironment !== true) return existing;
    const props = typeof authProps === 'object' && authProps !== null ? authProps : {};
    const service = createAuthService(props, () => config().token);
    window.assetsSelectorsAuthService = service;
    // As Adobe's: initialized a moment later, signed in already when a token is configured.
    void Promise.resolve()
      .then(async () => {
        if (config().token !== undefined) await service.signIn();
        props.onImsServiceInitialized?.(service);
      })
      .catch((error: unknown) => console.error(error));
    return service;
  };

  const renderer =
    (withAuth: boolean, toOptions: typeof propsToOptions): Render =>
    (container, props = {}, onRenderComplete) => {
      if (!isElement(container)) {
        console.error('asset-selector: render needs a DOM element as its first argument');
        return undefined;
      }
      enqueueRender(
        container,
        async () => {
          try {
            const current = config();
            let token: TokenSource | undefined = current.token ?? (typeof props.imsToken === 'string' && props.imsToken ? props.imsToken : undefined);
            if (withAuth) {
              // Signed in from the configuration (which sets the imsToken pages read), else as the page left it.
              const service = window.assetsSelectorsAuthService ?? register({});
              const signedIn = current.token !== undefined ? await service.signIn() : service.imsToken;
              token ??= signedIn;
            }
            renderSelector(await loadMount(), container, toOptions(props, current, token));
          } catch (error) {
            unrender(container);
            if (error instanceof NotConfiguredError) {
              await showMessage(container, 'alert', 'optionErrorTitle', 'compatNotConfigured', CONFIGURE_HINT, undefined, localeOf(props));
            } else {
              await showMessage(container, 'alert', 'optionErrorTitle', 'compatPropError', {}, error instanceof Error ? error.message : String(error), localeOf(props));
            }
            throw error;
          }
        },
        onRenderComplete,
      );
      return undefined;
    };

  const withAuth = renderer(true, propsToOptions);
  return {
    renderAssetSelector: renderer(false, propsToOptions),
    renderAssetSelectorWithAuthFlow: withAuth,
    // A folder picker over the repository's folders (author tier): without them, it says so in the container.
    renderDestinationSelector: renderer(false, destinationOptions),
    renderDestinationSelectorWithAuthFlow: renderer(true, destinationOptions),
    registerAssetsSelectorsAuthService: register,
    renderContentAdvisorWithAuthFlow: withAuth,
    registerContentAdvisorAuthService: register,
    renderAssetSelectorWithIms: withAuth,
    registerAssetSelectorsIms: register,
    getDefaultInfoPopoverData: (map = {}) => ({ ...map }),
    getAssetsSelectorsAuthService: () => window.assetsSelectorsAuthService,
    clearAssetsSelectorsAuthService() {
      delete window.assetsSelectorsAuthService;
    },
    configure(next) {
      configured = { ...configured, ...checkConfig(next, 'configure(config)') };
    },
    unrender(container) {
      // After the renders queued before it, so a component that goes at once leaves nothing behind.
      if (isElement(container)) enqueueRender(container, async () => unrender(container), undefined);
    },
  };
}
