import { lazy } from 'react';

/**
 * The editor as a chunk of its own (ESM build): hosts whose users never open it never load it.
 * The script-tag build swaps this file for lazyImageEditor.inline.ts (vite.config.ts), as it is
 * one file and a lazy boundary would only add code there.
 */
export const ImageEditor = lazy(() => import('./ImageEditor.tsx').then((m) => ({ default: m.ImageEditor })));
