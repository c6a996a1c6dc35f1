import css from './advancedQuery.css?inline';
import { injectPartStyles } from './editorHost.ts';

/**
 * The advanced query editor's stylesheet travels with its chunk (ESM build), like the image
 * editor's (editor/injectEditorStyles.ts); the script-tag build links one stylesheet with all of
 * them and swaps this for a no-op (src/scriptTag/linkedPartStyles.ts).
 */
export function injectAdvancedQueryStyles(root: Document | ShadowRoot): void {
  injectPartStyles(root, 'advanced-query', css);
}
