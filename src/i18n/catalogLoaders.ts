import type { CatalogLanguage } from './catalogLanguages.ts';
import type { Messages } from './messages.en.ts';

/** ESM build: each language other than English is a chunk of its own, imported when first used. */
export const catalogLoaders: Readonly<Record<CatalogLanguage, () => Promise<Messages>>> = {
  de: () => import('./messages.de.ts').then((m) => m.messagesDe),
  fr: () => import('./messages.fr.ts').then((m) => m.messagesFr),
  es: () => import('./messages.es.ts').then((m) => m.messagesEs),
  ja: () => import('./messages.ja.ts').then((m) => m.messagesJa),
  ar: () => import('./messages.ar.ts').then((m) => m.messagesAr),
};
