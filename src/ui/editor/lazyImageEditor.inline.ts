/** The script-tag build's stand-in for lazyImageEditor.ts: the editor, imported directly. */
export { ImageEditor } from './ImageEditor.tsx';
