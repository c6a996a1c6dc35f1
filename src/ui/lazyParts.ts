/**
 * The parts of the selector loaded on first use, and the one seam between them and the rest: a
 * lazy part reaches the selector only through ui/editorHost.ts (build/checkLayers.ts checks it).
 * Here (the ESM build) each is a chunk of its own, so hosts whose users never open one never load
 * it. The script-tag build swaps this module for src/scriptTag/lazyParts.ts, which loads them from
 * two scripts beside the main one (`asset-selector.editors.js`, `asset-selector.repository.js`),
 * and carries the details and a modal's frame in the main script itself.
 */
export const loadImageEditor = () => import('./editor/ImageEditor.tsx').then((m) => m.ImageEditor);
export const loadAdvancedQueryEditor = () => import('./AdvancedQueryEditor.tsx').then((m) => m.AdvancedQueryEditor);
export const loadUploadControls = () => import('./upload/UploadControls.tsx').then((m) => m.UploadControls);
export const loadUploadPanel = () => import('./upload/UploadPanel.tsx').then((m) => m.UploadPanel);
export const loadArchiveDownload = () => import('./download/ArchiveDownload.tsx').then((m) => m.ArchiveDownload);
// A modal selector's frame (a `<dialog>` and its focus trap): inline selectors never load it.
export const loadModalFrame = () => import('./ModalFrame.tsx').then((m) => m.ModalFrame);
export const loadAssetDetails = () => import('./details/AssetDetails.tsx').then((m) => m.AssetDetails);
export const loadVideoPlayer = () => import('./video/VideoPlayer.tsx').then((m) => m.VideoPlayer);
export const loadFolderView = () => import('./folders/FolderView.tsx').then((m) => m.FolderView);
export const loadFolderPicker = () => import('./folders/FolderPicker.tsx').then((m) => m.FolderPicker);
// One chunk, two components: the list, and the bar of an open collection.
const collectionsPart = () => import('./collections/collectionsPart.ts');
export const loadCollectionsView = () => collectionsPart().then((m) => m.CollectionsView);
export const loadCollectionBar = () => collectionsPart().then((m) => m.CollectionBar);
