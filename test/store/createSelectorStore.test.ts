import { describe, expect, it, vi } from 'vitest';
import type { AssetSummary } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';

const options = (extra: Record<string, unknown> = {}) => validateOptions({ repository: 'http://repo.test', ...extra });

function asset(id: string, extra: Partial<AssetSummary> = {}): AssetSummary {
  return {
    assetId: `urn:aaid:aem:${id}`, name: `${id}.jpg`, title: id, mimeType: 'image/jpeg', kind: 'image', keywords: [],
    repositoryMetadata: {}, assetMetadata: {}, ...extra,
  };
}

describe('createSelectorStore', () => {
  it('starts open inline and closed as a modal, and open() / close() work in both modes', () => {
    const inline = createSelectorStore(options());
    expect(inline.getState().open).toBe(true);
    inline.getState().setOpen(false);
    expect(inline.getState().open).toBe(false);
    const modal = createSelectorStore(options({ mode: 'modal' }));
    expect(modal.getState().open).toBe(false);
    modal.getState().setOpen(true);
    expect(modal.getState().open).toBe(true);
  });

  it('toggles in multiple selection and replaces in single selection, keeping the order of choosing', () => {
    const multi = createSelectorStore(options({ selectionType: 'multiple' }));
    const [a, b, c] = [asset('a'), asset('b'), asset('c')];
    multi.getState().toggleSelected(b);
    multi.getState().toggleSelected(a);
    multi.getState().toggleSelected(c);
    multi.getState().toggleSelected(a);
    expect([...multi.getState().selection.keys()]).toEqual([b.assetId, c.assetId]);

    const single = createSelectorStore(options());
    single.getState().toggleSelected(a);
    single.getState().toggleSelected(b);
    expect([...single.getState().selection.keys()]).toEqual([b.assetId]);
    single.getState().toggleSelected(b);
    expect(single.getState().selection.size).toBe(0);
  });

  it('switching to single selection keeps the first chosen asset', () => {
    const store = createSelectorStore(options({ selectionType: 'multiple' }));
    store.getState().toggleSelected(asset('a'));
    store.getState().toggleSelected(asset('b'));
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

  it('keeps modifiers only for chosen assets, and notifies subscribers once per change', () => {
    const store = createSelectorStore(options({ selectionType: 'multiple' }));
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().setModifiers('urn:aaid:aem:a', { width: '100' });
    expect(listener).not.toHaveBeenCalled();
    store.getState().toggleSelected(asset('a'));
    store.getState().setModifiers('urn:aaid:aem:a', { width: '100' });
    expect(store.getState().selection.get('urn:aaid:aem:a')?.modifiers).toEqual({ width: '100' });
    expect(listener).toHaveBeenCalledTimes(2);
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
