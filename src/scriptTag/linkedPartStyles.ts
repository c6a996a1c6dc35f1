/*
 * Stands in for ui/editor/injectEditorStyles.ts and ui/injectAdvancedQueryStyles.ts: `asset-selector.css`,
 * linked from beside the script, already holds the styles of the parts loaded on first use.
 */
export function injectEditorStyles(_root: Document | ShadowRoot): void {}
export function injectAdvancedQueryStyles(_root: Document | ShadowRoot): void {}
