/**
 * The English messages only `asset-selector/adobe` shows (src/adobe/index.ts adds them to the
 * English catalog; `adobe-compat.js` reads `i18n/en.json`, which has them). Other languages'
 * catalogs carry them whole.
 */
export const messagesEnAdobe = {
  compatNotConfigured: 'No repository is configured. Set {global} before the selector renders, or call {configure}.',
  compatPropError: 'The selector cannot take one of the page’s props.',
} as const;
