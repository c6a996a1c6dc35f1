/**
 * `dist/asset-selector.extras.js`: the parts of the script-tag build loaded on demand. Its shared
 * imports (React, the store binding, …) resolve to the main script's copies (vite.config.ts).
 */
import { AdvancedQueryEditor } from './ui/AdvancedQueryEditor.tsx';
import { ImageEditor } from './ui/editor/ImageEditor.tsx';
import { EXTRAS_COMPONENTS, type ExtrasComponents } from './ui/extras/extrasRuntime.ts';

const components: ExtrasComponents = { ImageEditor, AdvancedQueryEditor };
(globalThis as unknown as Record<symbol, unknown>)[EXTRAS_COMPONENTS] = components;
