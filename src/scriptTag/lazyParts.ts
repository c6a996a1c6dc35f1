import * as react from './partsReact.ts';
import * as jsxRuntime from './partsJsxRuntime.ts';
import type { AdvancedQueryEditor } from '../ui/AdvancedQueryEditor.tsx';
import type { ArchiveDownload } from '../ui/download/ArchiveDownload.tsx';
import type { VideoPlayer } from '../ui/video/VideoPlayer.tsx';
import type { CollectionBar, CollectionsView } from '../ui/collections/collectionsPart.ts';
import type { ImageEditor } from '../ui/editor/ImageEditor.tsx';
import type { UploadControls } from '../ui/upload/UploadControls.tsx';
import type { UploadPanel } from '../ui/upload/UploadPanel.tsx';
import type { FolderPicker } from '../ui/folders/FolderPicker.tsx';
import type { FolderView } from '../ui/folders/FolderView.tsx';
import * as editorHost from '../ui/editorHost.ts';
import { AssetDetails } from '../ui/details/AssetDetails.tsx';
import { ModalFrame } from '../ui/ModalFrame.tsx';
import { besideScript, scriptNonce } from './besideScript.ts';

/**
 * The script-tag build's scripts loaded on first use, beside the main one, and what each defines:
 * the editors (src/iifeEditors.ts) and the repository's parts (src/iifeRepository.ts). Two files,
 * so a page whose users only edit images never loads the upload queue, the folders, the
 * collections, the archive download and the video player, and the other way round.
 */
export interface ScriptParts {
  'asset-selector.editors.js': { ImageEditor: typeof ImageEditor; AdvancedQueryEditor: typeof AdvancedQueryEditor };
  'asset-selector.repository.js': {
    UploadControls: typeof UploadControls;
    UploadPanel: typeof UploadPanel;
    ArchiveDownload: typeof ArchiveDownload;
    VideoPlayer: typeof VideoPlayer;
    FolderView: typeof FolderView;
    FolderPicker: typeof FolderPicker;
    CollectionsView: typeof CollectionsView;
    CollectionBar: typeof CollectionBar;
  };
}
export type PartsFile = keyof ScriptParts;

/**
 * What the main script publishes to its parts' scripts, under `Symbol.for('asset-selector.editors')`
 * on the global object: what they use of its Preact (partsReact.ts and partsJsxRuntime.ts, as
 * `react` and `react/jsx-runtime`, their externals) and ui/editorHost.ts, so every script shares
 * one Preact, one store, one translator. A part's script
 * checks `version` before it runs anything (vite.config.ts wraps it), then calls `define`.
 */
export interface EditorsRuntime {
  version: string;
  react: typeof react;
  jsxRuntime: typeof jsxRuntime;
  editorHost: typeof editorHost;
  define<F extends PartsFile>(version: string, parts: ScriptParts[F], file: F): void;
  /** The script was built from another release: it says so here instead of running. */
  refuse(message: string, file: PartsFile): void;
}

export const EDITORS_RUNTIME = Symbol.for('asset-selector.editors');
const version = __ASSET_SELECTOR_VERSION__;

type Outcome = ScriptParts[PartsFile] | Error;
const loading = new Map<PartsFile, Promise<ScriptParts[PartsFile]>>();
const settling = new Map<PartsFile, (outcome: Outcome) => void>();

/** Published again before each load: with two copies of the main script on a page, each one's parts bind to it. */
function publish(): void {
  const runtime: EditorsRuntime = {
    version,
    react,
    jsxRuntime,
    editorHost,
    define: (theirs, parts, file) =>
      settling.get(file)?.(theirs === version ? parts : new Error(`asset-selector: ${file} is version ${theirs}, but asset-selector.iife.js is ${version}; load both from one release`)),
    refuse: (message, file) => settling.get(file)?.(new Error(message)),
  };
  Object.defineProperty(globalThis, EDITORS_RUNTIME, { value: runtime, configurable: true });
}

/**
 * One script beside this one, loaded on first use and once per page (every selector and
 * `<asset-selector>` on it shares it). A classic script, so a page whose Content-Security-Policy
 * allows this script (`script-src 'self'`, a host, or this script's nonce) allows it too. A failed
 * load (HTTP error, network, CSP) rejects, and is forgotten: Retry loads the script again.
 */
function loadScript<F extends PartsFile>(file: F): Promise<ScriptParts[F]> {
  let pending = loading.get(file);
  if (!pending) {
    pending = new Promise<ScriptParts[PartsFile]>((resolve, reject) => {
      publish();
      const script = document.createElement('script');
      script.src = besideScript(file);
      if (scriptNonce) script.nonce = scriptNonce;
      settling.set(file, (outcome) => {
        settling.delete(file);
        if (outcome instanceof Error) {
          loading.delete(file);
          script.remove();
          reject(outcome);
        } else resolve(outcome);
      });
      // The script calls `define` (or `refuse`) as it runs, before its load event.
      script.addEventListener('load', () => settling.get(file)?.(new Error(`asset-selector: ${script.src} ran but defined no parts`)));
      script.addEventListener('error', () => settling.get(file)?.(new Error(`asset-selector: could not load ${script.src}`)));
      document.head.append(script);
    });
    loading.set(file, pending);
  }
  return pending as Promise<ScriptParts[F]>;
}

const EDITORS = 'asset-selector.editors.js';
const REPOSITORY = 'asset-selector.repository.js';

/** Stands in for ui/lazyParts.ts: the same loaders, from the scripts beside this one. */
export const loadImageEditor = () => loadScript(EDITORS).then((parts) => parts.ImageEditor);
export const loadAdvancedQueryEditor = () => loadScript(EDITORS).then((parts) => parts.AdvancedQueryEditor);
export const loadUploadControls = () => loadScript(REPOSITORY).then((parts) => parts.UploadControls);
export const loadUploadPanel = () => loadScript(REPOSITORY).then((parts) => parts.UploadPanel);
export const loadArchiveDownload = () => loadScript(REPOSITORY).then((parts) => parts.ArchiveDownload);
// The details of the focused asset and a modal's frame stay in the main script (most sessions show the one, Adobe's pages the other).
export const loadAssetDetails = () => Promise.resolve(AssetDetails);
export const loadModalFrame = () => Promise.resolve(ModalFrame);
export const loadVideoPlayer = () => loadScript(REPOSITORY).then((parts) => parts.VideoPlayer);
export const loadFolderView = () => loadScript(REPOSITORY).then((parts) => parts.FolderView);
export const loadFolderPicker = () => loadScript(REPOSITORY).then((parts) => parts.FolderPicker);
export const loadCollectionsView = () => loadScript(REPOSITORY).then((parts) => parts.CollectionsView);
export const loadCollectionBar = () => loadScript(REPOSITORY).then((parts) => parts.CollectionBar);
