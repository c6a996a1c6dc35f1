import { injectPartStyles } from '../injectStyles.ts';
import css from './editor.css?inline';

/**
 * The editor's stylesheet travels with the editor's chunk (ESM build), so a host whose users never
 * edit never loads it. The script-tag build links one stylesheet with both and swaps this for a
 * no-op (src/scriptTag/).
 */
export function injectEditorStyles(root: Document | ShadowRoot): void {
  injectPartStyles(root, 'editor', css);
}
