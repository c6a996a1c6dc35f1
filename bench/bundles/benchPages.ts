import { resolve } from 'node:path';

const BENCH = resolve(import.meta.dirname, '..');

/** Where every bench page is built to: under dist/demo/ (left out of the package), served by the emulator at /dist/demo/bench/. */
export const PAGES_OUT = resolve(BENCH, '../dist/demo/bench');
export const PAGES_BASE = '/dist/demo/bench/';

export type PageKind = 'ours' | 'floor' | 'peer';

/** A minimal page that opens one thing, for the side-by-side bundle weights. */
export interface BenchPage {
  id: string;
  label: string;
  /** For the chart, where a label has about 40 characters of room. */
  short: string;
  kind: PageKind;
  /** Its sources: index.html (+ main.jsx, built by vite) or a static index.html. */
  dir: string;
  /** Built by vite (false: a static page around files `npm run build` made). */
  built: boolean;
  /** Packages whose versions the report names. */
  packages: string[];
  /** What the weights leave out, said in the report. */
  note?: string;
}

/** Where a page's own files are, to list those it never loaded (lazy parts nothing asked for). */
export function pageFiles(page: BenchPage): { dir: string; base: string; include: RegExp } {
  if (page.built) return { dir: resolve(PAGES_OUT, page.id), base: `${PAGES_BASE}${page.id}/`, include: /\.(m?js|css)$/ };
  // The script-tag build's files beside the script (the ESM build's files in dist/ are not its own).
  return { dir: resolve(BENCH, '../dist'), base: '/dist/', include: /^(asset-selector\.[\w-]+\.js|asset-selector\.css|i18n\/[^/]+\.json)$/ };
}

const ours = (name: string) => resolve(BENCH, 'pages', name);
const peer = (name: string) => resolve(BENCH, 'competitors/pages', name);

/**
 * Every page the bundles section weighs, ours first. The labels of our builds are given by
 * bench/runtime/ourBuilds.ts (they name the framework inside the script-tag build).
 */
export const BENCH_PAGES: BenchPage[] = [
  { id: 'ours-script-tag', label: 'our script-tag build', short: 'our script-tag build', kind: 'ours', dir: ours('ours-script-tag'), built: false, packages: [] },
  { id: 'ours-esm-react', label: 'our ESM build in a React 19 app', short: 'our ESM build in a React 19 app', kind: 'ours', dir: ours('ours-esm-react'), built: true, packages: ['react', 'react-dom'] },
  { id: 'react-floor', label: '`react` + `react-dom` alone (the floor)', short: 'react + react-dom (the floor)', kind: 'floor', dir: ours('react-floor'), built: true, packages: ['react', 'react-dom'] },
  {
    id: 'bynder',
    label: '`@bynder/compact-view` in a React 19 app',
    short: '@bynder/compact-view + React',
    kind: 'peer',
    dir: peer('bynder'),
    built: true,
    packages: ['@bynder/compact-view'],
    note: 'its view needs a Bynder portal login to list assets; offline it stops at the login step',
  },
  {
    id: 'filestack',
    label: '`filestack-js` picker',
    short: 'filestack-js picker (its UI: CDN)',
    kind: 'peer',
    dir: peer('filestack'),
    built: true,
    packages: ['filestack-js'],
    note: 'the picker UI itself loads from Filestack\'s CDN on `open()` and is not counted',
  },
  { id: 'uppy', label: '`@uppy/core` + `@uppy/dashboard` + `@uppy/image-editor`', short: 'Uppy core + dashboard + image editor', kind: 'peer', dir: peer('uppy'), built: true, packages: ['@uppy/core', '@uppy/dashboard', '@uppy/image-editor'] },
  { id: 'react-image-crop', label: '`react-image-crop` in a React 19 app (the crop step alone)', short: 'react-image-crop + React', kind: 'peer', dir: peer('react-image-crop'), built: true, packages: ['react-image-crop'] },
  { id: 'react-easy-crop', label: '`react-easy-crop` in a React 19 app (the crop step alone)', short: 'react-easy-crop + React', kind: 'peer', dir: peer('react-easy-crop'), built: true, packages: ['react-easy-crop'] },
];

export function pageUrl(origin: string, page: Pick<BenchPage, 'id'>, hash = ''): string {
  return `${origin}${PAGES_BASE}${page.id}/${hash}`;
}
