import type { TokenSource } from '../core/options.ts';
import type { AdobeAuthProps, AdobeAuthService } from './adobeTypes.ts';
import { tokenString } from './compatConfig.ts';

/**
 * Adobe's auth service object, without Adobe's login: `signIn()` resolves with the configured
 * token (a function is called again, as on a refresh) and sets `imsToken`, which pages read to
 * fetch renditions themselves. Its props stay on it (`env`, `imsOrg`…), as pages read them.
 * `token()` gives the configured token source at the moment of the call.
 */
export function createAuthService(props: AdobeAuthProps, token: () => TokenSource | undefined): AdobeAuthService {
  const report = (type: string, message: string) => {
    try {
      props.onErrorReceived?.(type, message);
    } catch (error) {
      console.error(error);
    }
  };
  const service: AdobeAuthService = {
    ...props,
    imsToken: undefined,
    isSignedInUser: () => service.imsToken !== undefined,
    getImsToken: () => service.imsToken,
    getAccessToken: () => service.imsToken,
    async signIn() {
      let value: string | undefined;
      try {
        value = await tokenString(token());
      } catch (error) {
        report('tokenError', `asset-selector: the configured token function failed: ${String(error)}`);
        return undefined;
      }
      if (value === undefined) {
        report('noToken', 'asset-selector: no token is configured (window.assetSelectorCompat.token or PureJSSelectors.configure({ token }))');
        return undefined;
      }
      const changed = value !== service.imsToken;
      service.imsToken = value;
      if (changed) props.onAccessTokenReceived?.(value);
      return value;
    },
    triggerAuthFlow: () => service.signIn(),
    signOut() {
      service.imsToken = undefined;
    },
    refreshToken: () => service.signIn(),
  };
  return service;
}
