import type { Messages } from './messages.en.ts';

/** ESM build: each language other than English is a chunk of its own, imported when first used. */
export const catalogLoaders: Readonly<Record<string, () => Promise<Messages>>> = {
  de: () => import('./messages.de.ts').then((m) => m.messagesDe),
};
