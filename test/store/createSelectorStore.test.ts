import { describe, expect, it, vi } from 'vitest';
import { advancedQueryToNodes, newAdvancedRow } from '../../src/core/advancedQuery.ts';
import { SelectorError } from '../../src/core/selectorError.ts';
import type { AssetSummary } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { setAdvancedClauses } from '../../src/store/advancedClauses.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { applyEditor, setDraft } from '../../src/store/editorSession.ts';

const options = (extra: Record<string, unknown> = {}) => validateOptions({ repository: 'http://repo.test', ...extra });

function asset(id: string, extra: Partial<AssetSummary> = {}): AssetSummary {
  return {
    assetId: `urn:aaid:aem:${id}`, name: `${id}.jpg`, title: id, mimeType: 'image/jpeg', kind: 'image', keywords: [],
    repositoryMetadata: {}, assetMetadata: {}, ...extra,
  };
}

describe('createSelectorStore', () => {
  it('starts open inline and closed as a modal, and open() / close() work in both modes without a callback', () => {
    const onClose = vi.fn();
    const inline = createSelectorStore(options({ onClose }));
    expect(inline.getState().isOpen).toBe(true);
    inline.getState().close();
    expect(inline.getState().isOpen).toBe(false);
    const modal = createSelectorStore(options({ mode: 'modal', onClose }));
    expect(modal.getState().isOpen).toBe(false);
    modal.getState().open();
    expect(modal.getState().isOpen).toBe(true);
    modal.getState().close();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('toggles in multiple selection and replaces in single selection, keeping the order of choosing', () => {
    const multi = createSelectorStore(options({ selectionType: 'multiple' }));
    const [a, b, c] = [asset('a'), asset('b'), asset('c')];
    multi.getState().toggle(b);
    multi.getState().toggle(a);
    multi.getState().toggle(c);
    multi.getState().toggle(a);
    expect([...multi.getState().selection.keys()]).toEqual([b.assetId, c.assetId]);

    const single = createSelectorStore(options());
    single.getState().toggle(a);
    single.getState().toggle(b);
    expect([...single.getState().selection.keys()]).toEqual([b.assetId]);
    single.getState().toggle(b);
    expect(single.getState().selection.size).toBe(0);
  });

  it('switching to single selection keeps the first chosen asset', () => {
    const store = createSelectorStore(options({ selectionType: 'multiple' }));
    store.getState().toggle(asset('a'));
    store.getState().toggle(asset('b'));
    store.getState().setOptions(options({ selectionType: 'single' }));
    expect([...store.getState().selection.keys()]).toEqual(['urn:aaid:aem:a']);
  });

  it('drops empty filter values and clears them all', () => {
    const store = createSelectorStore(options());
    store.getState().setFilter('kind', ['image']);
    store.getState().setFilter('size', { min: undefined, max: undefined });
    store.getState().setFilter('created', { from: '', to: '' });
    expect(store.getState().filters).toEqual({ kind: ['image'] });
    store.getState().setFilter('kind', []);
    expect(store.getState().filters).toEqual({});
    store.getState().setFilter('kind', ['video']);
    store.getState().clearFilters();
    expect(store.getState().filters).toEqual({});
  });

  it('sorts names ascending and everything else descending unless told', () => {
    const store = createSelectorStore(options());
    store.getState().setSort('name');
    expect(store.getState().sort).toEqual({ field: 'name', direction: 'asc' });
    store.getState().setSort('size');
    expect(store.getState().sort).toEqual({ field: 'size', direction: 'desc' });
    store.getState().setSort('created', 'asc');
    expect(store.getState().sort).toEqual({ field: 'created', direction: 'asc' });
  });

  it('tells the host of every change of the selection, whatever made it, once it is in place', () => {
    const seen: string[][] = [];
    const store = createSelectorStore(options({ selectionType: 'multiple', onSelectionChange: (assets: Array<{ title: string }>) => seen.push(assets.map((a) => a.title)) }));
    store.getState().toggle(asset('a'));
    store.getState().toggle(asset('b'));
    store.getState().setFocused('urn:aaid:aem:a');
    store.getState().deselect('urn:aaid:aem:zzz');
    store.getState().openEditor(asset('a'));
    setDraft(store, 'urn:aaid:aem:a', { modifiers: { width: '100' } });
    applyEditor(store);
    store.getState().setOptions(options({ selectionType: 'single', onSelectionChange: store.getState().options.onSelectionChange }));
    expect(seen).toEqual([['a'], ['a', 'b'], ['a', 'b'], ['a']]);
    expect(store.getState().selection.get('urn:aaid:aem:a')?.modifiers).toEqual({ width: '100' });
  });

  it('Select (confirm) closes a modal, then hands over the selection; nothing while none is chosen', () => {
    const calls: string[] = [];
    const store = createSelectorStore(options({ mode: 'modal', onSelect: (assets: unknown[]) => calls.push(`select ${assets.length}, open: ${store.getState().isOpen}`), onClose: () => calls.push('close') }));
    store.getState().open();
    store.getState().confirm();
    expect(calls).toEqual([]);
    store.getState().toggle(asset('a'));
    store.getState().confirm();
    expect(calls).toEqual(['select 1, open: false']);

    const inline = createSelectorStore(options({ onSelect: () => calls.push(`inline select, open: ${inline.getState().isOpen}`) }));
    inline.getState().toggle(asset('a'));
    inline.getState().confirm();
    expect(calls.at(-1)).toBe('inline select, open: true');
  });

  it('Cancel closes a modal, then calls onClose; a host that reopens it there keeps it open', () => {
    const calls: string[] = [];
    const store = createSelectorStore(options({ mode: 'modal', onClose: () => calls.push(`close, open: ${store.getState().isOpen}`) }));
    store.getState().open();
    store.getState().cancel();
    expect(calls).toEqual(['close, open: false']);
    store.getState().setOptions(options({ mode: 'modal', onClose: () => store.getState().open() }));
    store.getState().cancel();
    expect(store.getState().isOpen).toBe(true);
  });

  it('reports each error once, as a SelectorError', () => {
    const onError = vi.fn();
    const store = createSelectorStore(options({ onError }));
    const failure = new SelectorError('unavailable', 'busy');
    store.getState().reportError(failure);
    store.getState().reportError(failure);
    store.getState().reportError(new Error('a bug'));
    store.getState().reportError(undefined);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]![0]).toBe(failure);
    expect(onError.mock.calls[1]![0]).toMatchObject({ name: 'SelectorError', code: 'invalid-response', message: 'a bug' });
  });

  it('starts settled: settling a search nobody has typed into keeps the search it has', () => {
    const store = createSelectorStore(options());
    const search = store.getState().search;
    store.getState().settleSearch();
    expect(store.getState().search).toBe(search);
    expect(store.getState().settled.advanced).toBe(store.getState().advanced);
  });

  it('derives the search request once: typing counts when it settles, filters at once, other changes keep it', () => {
    const store = createSelectorStore(options());
    const first = store.getState().search.request;
    expect(first.query).toEqual([{ match: { text: '*' } }]);
    store.getState().setText('kite');
    expect(store.getState().search.request).toBe(first);
    store.getState().settleSearch();
    expect(store.getState().search.request.query).toEqual([{ match: { text: 'kite' } }]);
    const settled = store.getState().search;
    store.getState().setFocused('urn:aaid:aem:a');
    store.getState().setView('list');
    expect(store.getState().search).toBe(settled);
    store.getState().setFilter('keywords', ['sky']);
    expect(store.getState().search.request.query).toEqual([{ match: { text: 'kite' } }, { term: { 'assetMetadata.xcm:keywords': ['sky'] } }]);
    expect(store.getState().search.inputs.filters).toEqual({ keywords: ['sky'] });
  });

  it('derives the request Run would send from the state as edited, with the advanced query applied', () => {
    // Only the advanced query editor gives the query rows, and it hands the store their translation as it loads.
    setAdvancedClauses(advancedQueryToNodes);
    const store = createSelectorStore(options());
    store.getState().setAdvanced({ join: 'and', active: false, items: [newAdvancedRow({ field: 'assetMetadata.dc:title', operator: 'contains', value: 'hills' })] });
    expect(store.getState().advancedRequest.query).toEqual([{ match: { text: 'hills', fields: ['assetMetadata.dc:title'] } }]);
    expect(store.getState().search.request.query).toEqual([{ match: { text: '*' } }]);
    store.getState().clearSearch();
    expect(store.getState().advanced.active).toBe(false);
  });

  it('holds a focus request until the part it names takes it', () => {
    const store = createSelectorStore(options());
    store.getState().requestFocus('grid');
    expect(store.getState().pendingFocus).toBe('grid');
    store.getState().takeFocus();
    expect(store.getState().pendingFocus).toBeUndefined();
  });

  it('two stores are independent (no module singleton)', () => {
    const one = createSelectorStore(options());
    const two = createSelectorStore(options());
    one.getState().setText('kite');
    one.getState().setAdvancedOpen(true);
    expect(two.getState().text).toBe('');
    expect(two.getState().advancedOpen).toBe(false);
  });
});
