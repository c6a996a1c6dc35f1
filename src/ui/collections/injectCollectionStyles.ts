import css from './collections.css?inline';
import { injectPartStyles } from '../editorHost.ts';

/**
 * A ref callback: the part's stylesheet, added to the document or shadow root the element is in
 * (once), in both builds, so neither the selector's stylesheet nor the script tag's carries it.
 */
export function injectCollectionStyles(node: Element | null): void {
  if (node) injectPartStyles(node.getRootNode() as Document | ShadowRoot, 'collections', css);
}
