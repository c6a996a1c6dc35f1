/**
 * The emulator's documented development credentials. A real repository takes IMS tokens; here a
 * small table maps bearer tokens to the roles that unlock restricted assets.
 */
export const DEV_TOKENS: Readonly<Record<string, readonly string[]>> = {
  'dev-token': [],
  'dev-token-marketing': ['marketing'],
  'dev-token-legal': ['legal'],
  'dev-token-all': ['marketing', 'legal'],
};

/** The API key (`X-Api-Key`) the emulator accepts when `--require-auth` is on. */
export const DEV_API_KEY = 'asset-selector-dev';
