import { describe, expect, it } from 'vitest';
import type { AssetSummary } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { applyEditor, cancelEditor, editingId, resetDraft, setDraft, showEditorImage } from '../../src/store/editorSession.ts';
import { selectionPayload } from '../../src/store/selectionPayload.ts';

const options = (extra: Record<string, unknown> = {}) => validateOptions({ repository: 'http://repo.test', selectionType: 'multiple', ...extra });

function asset(id: string, extra: Partial<AssetSummary> = {}): AssetSummary {
  return {
    assetId: `urn:aaid:aem:${id}`, name: `${id}.jpg`, title: id, mimeType: 'image/jpeg', kind: 'image', keywords: [],
    repositoryMetadata: {}, assetMetadata: {}, width: 1000, height: 500, ...extra,
  };
}

describe('editor session in the store', () => {
  it('opens on the selected images in order of choosing, starting at the one asked for', () => {
    const store = createSelectorStore(options());
    const [a, b, v] = [asset('a'), asset('b'), asset('v', { kind: 'video', mimeType: 'video/mp4' })];
    store.getState().toggle(a);
    store.getState().toggle(v);
    store.getState().toggle(b);
    store.getState().openEditor(b);
    const editor = store.getState().editor!;
    expect(editor.ids).toEqual([a.assetId, b.assetId]);
    expect(editor.index).toBe(1);
    expect(editingId(store.getState())).toBe(b.assetId);
    showEditorImage(store, 0);
    expect(editingId(store.getState())).toBe(a.assetId);
    showEditorImage(store, 5);
    expect(editingId(store.getState())).toBe(a.assetId);
  });

  it('selects an unselected image first, and never opens for a non-image', () => {
    const store = createSelectorStore(options({ selectionType: 'single' }));
    store.getState().openEditor(asset('v', { kind: 'video', mimeType: 'video/mp4' }));
    expect(store.getState().editor).toBeUndefined();
    expect(store.getState().selection.size).toBe(0);
    store.getState().openEditor(asset('a'));
    expect([...store.getState().selection.keys()]).toEqual(['urn:aaid:aem:a']);
    expect(store.getState().editor?.ids).toEqual(['urn:aaid:aem:a']);
  });

  it('keeps a draft per image; Apply commits all of them, with the format, and closes', () => {
    const store = createSelectorStore(options());
    const [a, b] = [asset('a'), asset('b')];
    store.getState().toggle(a);
    store.getState().toggle(b);
    store.getState().openEditor(a);
    setDraft(store, a.assetId, { modifiers: { width: '400' }, format: 'webp' });
    showEditorImage(store, 1);
    setDraft(store, b.assetId, { modifiers: { rotate: '90' } });
    expect(store.getState().selection.get(a.assetId)!.modifiers).toEqual({});
    applyEditor(store);
    expect(store.getState().editor).toBeUndefined();
    expect(editingId(store.getState())).toBeUndefined();
    expect(store.getState().selection.get(a.assetId)).toMatchObject({ modifiers: { width: '400' }, format: 'webp' });
    expect(store.getState().selection.get(b.assetId)!.modifiers).toEqual({ rotate: '90' });
    expect(store.getState().selection.get(b.assetId)!.format).toBeUndefined();
    const [first, second] = selectionPayload(store.getState());
    expect(first!.url).toBe('http://repo.test/adobe/assets/urn:aaid:aem:a/as/a.webp?width=400');
    expect(second!.url).toBe('http://repo.test/adobe/assets/urn:aaid:aem:b/as/b.avif?rotate=90');
  });

  it('reopening starts from the applied settings; Cancel and Reset discard drafts', () => {
    const store = createSelectorStore(options());
    const a = asset('a');
    store.getState().toggle(a);
    store.getState().openEditor(a);
    setDraft(store, a.assetId, { modifiers: { quality: '70' } });
    applyEditor(store);
    store.getState().openEditor(a);
    expect(store.getState().editor!.drafts[a.assetId]).toEqual({ modifiers: { quality: '70' } });
    setDraft(store, a.assetId, { modifiers: { quality: '10' } });
    cancelEditor(store);
    expect(store.getState().selection.get(a.assetId)!.modifiers).toEqual({ quality: '70' });
    store.getState().openEditor(a);
    resetDraft(store, a.assetId);
    expect(store.getState().editor!.drafts[a.assetId]).toEqual({ modifiers: {} });
    applyEditor(store);
    expect(store.getState().selection.get(a.assetId)!.modifiers).toEqual({});
    store.getState().openEditor(a);
    cancelEditor(store);
    expect(store.getState().editor).toBeUndefined();
  });

  it('ignores drafts for images outside the session', () => {
    const store = createSelectorStore(options());
    store.getState().toggle(asset('a'));
    setDraft(store, 'urn:aaid:aem:a', { modifiers: { width: '1' } });
    expect(store.getState().editor).toBeUndefined();
    store.getState().openEditor(asset('a'));
    setDraft(store, 'urn:aaid:aem:zzz', { modifiers: { width: '1' } });
    expect(Object.keys(store.getState().editor!.drafts)).toEqual(['urn:aaid:aem:a']);
  });
});
