/**
 * The emulator's documented development credentials. A real repository takes IMS tokens; here a
 * small table maps bearer tokens to the roles that unlock restricted assets and, for the Assets
 * HTTP API, the roles that may write (`contributor`, `editor`) and approve (`editor`).
 */
export const DEV_TOKENS: Readonly<Record<string, readonly string[]>> = {
  'dev-token': [],
  'dev-token-marketing': ['marketing'],
  'dev-token-legal': ['legal'],
  'dev-token-all': ['marketing', 'legal'],
  'dev-token-contributor': ['contributor'],
  'dev-token-editor': ['editor'],
};

/** The API key (`X-Api-Key`) the emulator accepts when `--require-auth` is on. */
export const DEV_API_KEY = 'asset-selector-dev';

/** Roles that may create, change and delete folders, assets, renditions and comments. */
export const WRITE_ROLES: ReadonlySet<string> = new Set(['contributor', 'editor']);
/** Roles that may also set `dam:assetStatus`, on/off times and `dam:roles`: what decides delivery. */
export const APPROVE_ROLES: ReadonlySet<string> = new Set(['editor']);
