/** Stands in for ui/editor/injectEditorStyles.ts: `asset-selector.css`, linked from beside the script, already holds the editor's styles. */
export function injectEditorStyles(_root: Document | ShadowRoot): void {}
