/**
 * The script-tag build's `asset-selector.repository.js`: the parts for the repository's side
 * (the upload controls and queue, the folders, the collections, the archive download, the video player), loaded on first use
 * by src/scriptTag/lazyParts.ts, built like src/iifeEditors.ts (vite.config.ts, `partsBuild`).
 */
import { CollectionBar, CollectionsView } from './ui/collections/collectionsPart.ts';
import { ArchiveDownload } from './ui/download/ArchiveDownload.tsx';
import { FolderPicker } from './ui/folders/FolderPicker.tsx';
import { FolderView } from './ui/folders/FolderView.tsx';
import { UploadControls } from './ui/upload/UploadControls.tsx';
import { UploadPanel } from './ui/upload/UploadPanel.tsx';
import { VideoPlayer } from './ui/video/VideoPlayer.tsx';
import type { EditorsRuntime } from './scriptTag/lazyParts.ts';

(globalThis as unknown as Record<symbol, EditorsRuntime>)[Symbol.for('asset-selector.editors')]!.define(
  __ASSET_SELECTOR_VERSION__,
  { UploadControls, UploadPanel, ArchiveDownload, VideoPlayer, FolderView, FolderPicker, CollectionsView, CollectionBar },
  'asset-selector.repository.js',
);
