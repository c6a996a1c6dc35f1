import css from './folders.css?inline';
import { injectPartStyles } from '../editorHost.ts';

/**
 * The folder view's stylesheet travels with it, in both builds (in the script-tag build, in the
 * lazy parts' script rather than in `asset-selector.css`), so the first screen never carries it.
 */
export function injectFolderStyles(root: Document | ShadowRoot): void {
  injectPartStyles(root, 'folders', css);
}
