/**
 * The shapes of Adobe's Asset Selector API as pages use it (shared/spec/adobe-compat.md): its
 * props, its auth service's props, and the asset it hands to `handleSelection`.
 */

/** An element of one `filterSchema` group: checkboxes or radios over fixed values. */
interface AdobeFilterField {
  element?: string;
  name?: string;
  label?: string;
  options?: Array<{ label?: string; value?: string }>;
}

export interface AdobeFilterGroup {
  header?: string;
  groupKey?: string;
  fields?: AdobeFilterField[];
}

/** The props of `renderAssetSelector*` (anything not named here is accepted and ignored). */
export interface AdobeSelectorProps {
  handleSelection?: (assets: AdobeAsset[]) => void;
  handleAssetSelection?: (assets: AdobeAsset[]) => void;
  onClose?: () => void;
  /** Destination selector: the chosen folder. */
  onConfirm?: (folder: AdobeFolder) => void;
  selectionType?: 'single' | 'multiple';
  acvConfig?: { selectionType?: 'single' | 'multiple'; dragOptions?: { allowList?: unknown }; [key: string]: unknown };
  imsToken?: string;
  repositoryId?: string;
  aemTierType?: string | string[];
  rail?: boolean;
  filterSchema?: AdobeFilterGroup[];
  selectedAssets?: Array<{ id?: string; 'repo:assetId'?: string }>;
  colorScheme?: string;
  intl?: { locale?: string };
  [ignored: string]: unknown;
}

/** The props of `registerAssetsSelectorsAuthService`. */
export interface AdobeAuthProps {
  env?: string;
  imsOrg?: string;
  imsClientId?: string;
  imsScope?: string;
  redirectUrl?: string;
  redirectUri?: string;
  modalMode?: boolean;
  onImsServiceInitialized?: (service: AdobeAuthService) => void;
  onAccessTokenReceived?: (token: string) => void;
  onAccessTokenExpired?: () => void;
  onErrorReceived?: (type: string, message: string) => void;
  [other: string]: unknown;
}

/** The auth service: its props, the token pages read (`imsToken`), and Adobe's methods. */
export interface AdobeAuthService extends AdobeAuthProps {
  imsToken: string | undefined;
  isSignedInUser(): boolean;
  getImsToken(): string | undefined;
  getAccessToken(): string | undefined;
  signIn(): Promise<string | undefined>;
  triggerAuthFlow(): Promise<string | undefined>;
  signOut(): void;
  refreshToken(): Promise<string | undefined>;
}

export interface AdobeRendition {
  href: string;
  type: string;
  width: number;
  height: number;
}

/** The selected asset clients read (delivery tier). */
export interface AdobeAsset {
  'repo:assetId': string;
  'repo:id': string;
  'repo:name': string;
  name: string;
  'repo:repositoryId': string;
  'repo:size'?: number;
  'repo:createDate'?: string;
  'repo:modifyDate'?: string;
  'dc:format': string;
  mimetype: string;
  'aem:formatName': string;
  'dc:title': string;
  'dc:description'?: string;
  'tiff:imageWidth'?: number;
  'tiff:imageLength'?: number;
  computedMetadata: Record<string, unknown>;
  _links: {
    'http://ns.adobe.com/adobecloud/rel/rendition': AdobeRendition[];
    'http://ns.adobe.com/adobecloud/rel/download': { href: string };
  };
}

/** The folder a destination selector hands to `onConfirm` / `handleSelection`. */
export interface AdobeFolder {
  'repo:path': string;
  'repo:name': string;
  'dc:title': string;
  'repo:assetClass': 'folder';
  /** The repository's host. */
  'repo:repositoryId': string;
  name: string;
}
