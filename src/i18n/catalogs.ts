import { messagesDe } from './messages.de.ts';
import { messagesEn, type Messages } from './messages.en.ts';

/**
 * The message catalogs, by language. In the ESM build every catalog is bundled; the script-tag
 * build swaps this module for catalogs.link.ts, which bundles English and fetches the others from
 * beside the script when a selector asks for them (see vite.config.ts).
 */
const CATALOGS: Readonly<Record<string, Messages>> = { en: messagesEn, de: messagesDe };

export function catalogFor(language: string): Messages | undefined {
  return CATALOGS[language];
}

/** A promise while the language's catalog is still on its way; undefined when it is here (always, in this build). */
export function loadCatalog(_language: string): Promise<void> | undefined {
  return undefined;
}

/** Changes when a catalog arrives, so translations re-render (never, in this build). */
export function catalogVersion(): number {
  return 0;
}

export function subscribeToCatalogs(_listener: () => void): () => void {
  return () => {};
}
