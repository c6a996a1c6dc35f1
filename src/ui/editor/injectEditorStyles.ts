import css from './editor.css?inline';
import { injectPartStyles } from '../editorHost.ts';

/**
 * The editor's stylesheet travels with the editor's chunk (ESM build), so a host whose users never
 * edit never loads it. The script-tag build links one stylesheet with both and swaps this for a
 * no-op (src/scriptTag/).
 */
export function injectEditorStyles(root: Document | ShadowRoot): void {
  injectPartStyles(root, 'editor', css);
}
