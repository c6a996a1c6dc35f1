import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import type { AdvancedQueryEditor } from '../ui/AdvancedQueryEditor.tsx';
import type { CollectionBar, CollectionsView } from '../ui/collections/collectionsPart.ts';
import type { ImageEditor } from '../ui/editor/ImageEditor.tsx';
import * as editorHost from '../ui/editorHost.ts';
import { besideScript, scriptNonce } from './besideScript.ts';

/** What `asset-selector.editors.js` (src/iifeEditors.ts) hands back. */
export interface EditorParts {
  ImageEditor: typeof ImageEditor;
  AdvancedQueryEditor: typeof AdvancedQueryEditor;
  CollectionsView: typeof CollectionsView;
  CollectionBar: typeof CollectionBar;
}

/**
 * What the main script publishes to its editors' script, under `Symbol.for('asset-selector.editors')`
 * on the global object: its Preact (as `react` and `react/jsx-runtime`, the editors' externals) and
 * ui/editorHost.ts, so both scripts share one Preact, one store, one translator. The editors' script
 * checks `version` before it runs anything (vite.config.ts wraps it), then calls `define`.
 */
export interface EditorsRuntime {
  version: string;
  react: typeof react;
  jsxRuntime: typeof jsxRuntime;
  editorHost: typeof editorHost;
  define(version: string, parts: EditorParts): void;
  /** The editors' script was built from another release: it says so here instead of running. */
  refuse(message: string): void;
}

export const EDITORS_RUNTIME = Symbol.for('asset-selector.editors');
const FILE = 'asset-selector.editors.js';
const version = __ASSET_SELECTOR_VERSION__;

let loading: Promise<EditorParts> | undefined;
let settle: ((outcome: EditorParts | Error) => void) | undefined;

/** Published again before each load: with two copies of the main script on a page, each one's editors bind to it. */
function publish(): void {
  const runtime: EditorsRuntime = {
    version,
    react,
    jsxRuntime,
    editorHost,
    define: (theirs, parts) =>
      settle?.(theirs === version ? parts : new Error(`asset-selector: ${FILE} is version ${theirs}, but asset-selector.iife.js is ${version}; load both from one release`)),
    refuse: (message) => settle?.(new Error(message)),
  };
  Object.defineProperty(globalThis, EDITORS_RUNTIME, { value: runtime, configurable: true });
}

/**
 * Both editors, from one second script beside this one, loaded on first use and once per page
 * (every selector and `<asset-selector>` on it shares it). A classic script, so a page whose
 * Content-Security-Policy allows this script (`script-src 'self'`, a host, or this script's nonce)
 * allows it too. A failed load (HTTP error, network, CSP) rejects, and is forgotten: Retry loads
 * the script again.
 */
function loadEditors(): Promise<EditorParts> {
  loading ??= new Promise<EditorParts>((resolve, reject) => {
    publish();
    const script = document.createElement('script');
    script.src = besideScript(FILE);
    if (scriptNonce) script.nonce = scriptNonce;
    settle = (outcome) => {
      settle = undefined;
      if (outcome instanceof Error) {
        loading = undefined;
        script.remove();
        reject(outcome);
      } else resolve(outcome);
    };
    // The script calls `define` (or `refuse`) as it runs, before its load event.
    script.addEventListener('load', () => settle?.(new Error(`asset-selector: ${script.src} ran but defined no editors`)));
    script.addEventListener('error', () => settle?.(new Error(`asset-selector: could not load ${script.src}`)));
    document.head.append(script);
  });
  return loading;
}

/** Stands in for ui/lazyParts.ts: the same loaders, from `asset-selector.editors.js`. */
export const loadImageEditor = () => loadEditors().then((parts) => parts.ImageEditor);
export const loadAdvancedQueryEditor = () => loadEditors().then((parts) => parts.AdvancedQueryEditor);
export const loadCollectionsView = () => loadEditors().then((parts) => parts.CollectionsView);
export const loadCollectionBar = () => loadEditors().then((parts) => parts.CollectionBar);
