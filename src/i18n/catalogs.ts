import type { CatalogLanguage } from './catalogLanguages.ts';
import { catalogLoaders } from './catalogLoaders.ts';
import { messagesEn, type Messages } from './messages.en.ts';

/**
 * The message catalogs, by language. English is always there; the others load the first time a
 * selector uses them (a chunk in the ESM build, a JSON file beside the script-tag build: see
 * catalogLoaders.ts), so hosts pay only for the language they show.
 */
const english: Partial<Messages> = { ...messagesEn };
const catalogs = new Map<string, Partial<Messages>>([['en', english]]);
const pending = new Map<string, Promise<void>>();
const failed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

/** A language's catalog; English lacks the messages of the parts not loaded yet (addEnglish). */
export function catalogFor(language: string): Partial<Messages> | undefined {
  return catalogs.get(language);
}

/**
 * Adds the English messages of a part loaded on first use (an editor), as its module runs, before
 * it renders. Only English is split so: the other catalogs load whole, with every part's messages.
 */
export function addEnglish(messages: Partial<Messages>): void {
  Object.assign(english, messages);
}

/** A promise while the language's catalog is on its way; undefined when it is here or there is none. */
export function loadMessages(language: string): Promise<void> | undefined {
  const load = Object.hasOwn(catalogLoaders, language) ? catalogLoaders[language as CatalogLanguage] : undefined;
  if (catalogs.has(language) || failed.has(language) || !load) return undefined;
  let loading = pending.get(language);
  if (!loading) {
    loading = load().then(
      (messages) => {
        catalogs.set(language, messages);
        version++;
        for (const listener of listeners) listener();
      },
      // English it is, rather than no selector at all.
      (error: unknown) => {
        console.warn(`asset-selector: could not load the "${language}" messages (${String(error)}); showing English`);
        failed.add(language);
        version++;
        for (const listener of listeners) listener();
      },
    );
    pending.set(language, loading);
  }
  return loading;
}

/** Changes when a catalog arrives, so translations re-render. */
export function catalogVersion(): number {
  return version;
}

export function subscribeToCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
