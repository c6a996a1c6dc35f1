import { besideScript } from '../embed/besideScript.ts';
import { messagesEn, type Messages } from './messages.en.ts';

/**
 * The script-tag build's catalogs: English inside the bundle, the other languages as JSON files
 * beside the script (`i18n/de.json`), fetched the first time a selector uses them. This keeps the
 * bundle within its size budget; a German page waits for one small request instead.
 */
const LINKED = new Set(['de']);
const catalogs = new Map<string, Messages>([['en', messagesEn]]);
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

export function catalogFor(language: string): Messages | undefined {
  return catalogs.get(language);
}

export function loadCatalog(language: string): Promise<void> | undefined {
  if (catalogs.has(language) || !LINKED.has(language)) return undefined;
  let loading = pending.get(language);
  if (!loading) {
    const url = besideScript(`i18n/${language}.json`);
    loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.json() as Promise<Messages>;
      })
      .then(
        (messages) => {
          catalogs.set(language, messages);
          version++;
          for (const listener of listeners) listener();
        },
        // English it is, rather than no selector at all.
        (error: unknown) => console.warn(`asset-selector: could not load ${url} (${String(error)}); showing English`),
      );
    pending.set(language, loading);
  }
  return loading;
}

export function catalogVersion(): number {
  return version;
}

export function subscribeToCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
