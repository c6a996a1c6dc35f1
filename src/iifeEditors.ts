/**
 * The script-tag build's second script, `asset-selector.editors.js`: both editors, loaded on first
 * use by src/scriptTag/lazyParts.ts. Its only imports from outside the editors are `react`,
 * `react/jsx-runtime` and ui/editorHost.ts, and the build takes those from the main script's
 * runtime object (vite.config.ts, `editorsBuild`), after checking that both are one release.
 */
import { AdvancedQueryEditor } from './ui/AdvancedQueryEditor.tsx';
import { ImageEditor } from './ui/editor/ImageEditor.tsx';
import { CollectionBar, CollectionsView } from './ui/collections/collectionsPart.ts';
import type { EditorsRuntime } from './scriptTag/lazyParts.ts';

// The key of src/scriptTag/lazyParts.ts's EDITORS_RUNTIME (a type import here: its module is the main script's).
(globalThis as unknown as Record<symbol, EditorsRuntime>)[Symbol.for('asset-selector.editors')]!.define(__ASSET_SELECTOR_VERSION__, { ImageEditor, AdvancedQueryEditor, CollectionsView, CollectionBar });
