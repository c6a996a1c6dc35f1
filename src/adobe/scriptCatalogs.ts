import type { Messages } from '../i18n/messages.en.ts';
import { compatScriptUrl } from './compatScriptUrl.ts';

/**
 * Stands in for i18n/catalogs.ts in `adobe-compat.js` (vite.config.ts, adobeCompatBuild): every
 * catalog, English too, is a JSON file beside the script (`i18n/en.json`…), so the few messages
 * the script shows by itself do not carry a catalog the script-tag build already has.
 */
const catalogs = new Map<string, Messages>();
const pending = new Map<string, Promise<void>>();

export function catalogFor(language: string): Messages | undefined {
  return catalogs.get(language);
}

function load(language: string): Promise<void> {
  let loading = pending.get(language);
  if (!loading) {
    loading = fetch(new URL(`i18n/${language}.json`, compatScriptUrl).href)
      .then((response) => (response.ok ? (response.json() as Promise<Messages>) : undefined))
      .then((messages) => {
        if (messages) catalogs.set(language, messages);
      })
      // A language that is not there shows in English.
      .catch(() => undefined);
    pending.set(language, loading);
  }
  return loading;
}

/** English (the fallback) and `language`. */
export function loadMessages(language: string): Promise<void> {
  return Promise.all([load('en'), language === 'en' ? undefined : load(language)]).then(() => {
    // Without even English (an unreachable file), the keys are shown rather than nothing.
    if (!catalogs.has('en')) catalogs.set('en', new Proxy({}, { get: (_, key) => String(key) }) as Messages);
  });
}
