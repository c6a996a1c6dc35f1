import { useMemo } from 'react';
import type { ImageFormat } from '../../core/imageFormats.ts';
import type { AssetSummary } from '../../core/types.ts';
import type { EditorDraft } from '../../store/createSelectorStore.ts';
import { editingId, setDraft } from '../../store/editorSession.ts';
import { imageUrlFor, useSelector, useSelectorStore } from '../editorHost.ts';

/** A change to the draft's modifiers: a value sets, `undefined` (or '') removes. */
export type ModifierPatch = Record<string, string | undefined>;

export interface EditorDraftHandle {
  asset: AssetSummary;
  draft: EditorDraft;
  /** The draft's format, else the `imageFormat` option. */
  format: ImageFormat;
  /** The delivery URL the draft gives: exactly what Apply and Select will emit. */
  url: string;
  update(patch: ModifierPatch): void;
  setFormat(format: ImageFormat | undefined): void;
}

const EMPTY: EditorDraft = { modifiers: {} };

/** Applies a patch: set values, drop undefined and empty ones. */
export function patchModifiers(modifiers: Readonly<Record<string, string>>, patch: ModifierPatch): Record<string, string> {
  const next = { ...modifiers };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The image the editor shows and its draft; undefined when the editor is closed. */
export function useEditorDraft(): EditorDraftHandle | undefined {
  const store = useSelectorStore();
  const assetId = useSelector(editingId);
  const entry = useSelector((s) => {
    const id = editingId(s);
    return id === undefined ? undefined : s.selection.get(id);
  });
  const draft = useSelector((s) => {
    const id = editingId(s);
    return id === undefined ? undefined : s.editor?.drafts[id];
  }) ?? EMPTY;
  const repository = useSelector((s) => s.options.repository);
  const imageFormat = useSelector((s) => s.options.imageFormat);
  return useMemo(() => {
    if (assetId === undefined || !entry) return undefined;
    const asset = entry.asset;
    const format = draft.format ?? imageFormat;
    const url = imageUrlFor(asset, { repository, format }, draft.modifiers);
    const current = () => store.getState().editor?.drafts[assetId] ?? EMPTY;
    return {
      asset,
      draft,
      format,
      url,
      update: (patch) => {
        const latest = current();
        setDraft(store, assetId, { ...latest, modifiers: patchModifiers(latest.modifiers, patch) });
      },
      setFormat: (next) => {
        const { format: _old, ...rest } = current();
        setDraft(store, assetId, next === undefined || next === imageFormat ? rest : { ...rest, format: next });
      },
    };
  }, [store, assetId, entry, draft, repository, imageFormat]);
}
