import type { EditorDraft, SelectorState, SelectorStore } from './createSelectorStore.ts';

/**
 * The editor's session actions. They live beside the store rather than in it because only the
 * editor uses them, and the editor is loaded on demand: so is this code. (Opening stays in the
 * store: Edit buttons are everywhere.)
 */

/** The image the editor shows, if it is open. */
export function editingId(state: Pick<SelectorState, 'editor'>): string | undefined {
  const editor = state.editor;
  return editor ? editor.ids[editor.index] : undefined;
}

/** Shows another image of the session (Previous / Next). */
export function showEditorImage(store: SelectorStore, index: number): void {
  const editor = store.getState().editor;
  if (!editor || index < 0 || index >= editor.ids.length) return;
  store.setState({ editor: { ...editor, index } });
}

export function setDraft(store: SelectorStore, assetId: string, draft: EditorDraft): void {
  const editor = store.getState().editor;
  if (!editor || !editor.ids.includes(assetId)) return;
  store.setState({ editor: { ...editor, drafts: { ...editor.drafts, [assetId]: draft } } });
}

/** Clears one image's draft back to no modifiers and the default format. */
export function resetDraft(store: SelectorStore, assetId: string): void {
  setDraft(store, assetId, { modifiers: {} });
}

/** Commits every draft to its selection entry and closes the editor. */
export function applyEditor(store: SelectorStore): void {
  const { editor, selection } = store.getState();
  if (!editor) return;
  const next = new Map(selection);
  for (const id of editor.ids) {
    const entry = next.get(id);
    const draft = editor.drafts[id];
    if (!entry || !draft) continue;
    const { format: _previous, ...rest } = entry;
    next.set(id, { ...rest, modifiers: { ...draft.modifiers }, ...(draft.format ? { format: draft.format } : {}) });
  }
  store.setState({ selection: next, editor: undefined });
}

/** Closes the editor; drafts are discarded. */
export function cancelEditor(store: SelectorStore): void {
  store.setState({ editor: undefined });
}
