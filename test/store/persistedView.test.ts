// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';

const TOKEN = 'secret-token-4f9a';
const options = (extra: Record<string, unknown> = {}) => validateOptions({ repository: 'http://repo.test', token: TOKEN, apiKey: 'key-7c1', ...extra });

/** A selector used the way a person would: typed, filtered, sorted, switched to list, panel closed. */
function browse(persist: unknown) {
  const store = createSelectorStore(options({ persist }));
  const state = store.getState();
  state.setText('kite');
  state.setFilter('kind', ['image']);
  state.setFilter('size', { max: 500_000 });
  state.setSort('name');
  state.setView('list');
  state.setFiltersOpen(false);
  return store;
}

const allStorage = () =>
  [sessionStorage, localStorage].flatMap((area) => Array.from({ length: area.length }, (_, i) => `${area.key(i)}=${area.getItem(area.key(i)!)}`)).join('\n');

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the persist option', () => {
  it('a new selector with the same key starts where the last one was: text (as the search), filters, sort, view', () => {
    browse('picker');
    const again = createSelectorStore(options({ persist: 'picker' })).getState();
    expect(again.text).toBe('kite');
    expect(again.settled.text).toBe('kite');
    expect(again.filters).toEqual({ kind: ['image'], size: { max: 500_000 } });
    expect(again.sort).toEqual({ field: 'name', direction: 'asc' });
    expect(again.view).toBe('list');
    expect(again.filtersOpen).toBe(false);
    // The search the results show is made from it.
    expect(JSON.stringify(again.search.request.query)).toContain('kite');
    expect(again.search.request.orderBy).toBe('repositoryMetadata.repo:name asc');
  });

  it('a different key is a different memory, and no key remembers nothing', () => {
    browse('picker');
    expect(createSelectorStore(options({ persist: 'other' })).getState().text).toBe('');
    expect(createSelectorStore(options()).getState().text).toBe('');
    expect(sessionStorage.length).toBe(1);
  });

  it('sessionStorage by default, localStorage on request', () => {
    browse({ key: 'picker' });
    expect(sessionStorage.getItem('asset-selector:picker')).toContain('kite');
    expect(localStorage.length).toBe(0);
    browse({ key: 'shared', storage: 'local' });
    expect(localStorage.getItem('asset-selector:shared')).toContain('kite');
    expect(createSelectorStore(options({ persist: { key: 'shared', storage: 'local' } })).getState().view).toBe('list');
  });

  it('never stores the token, the API key or the selection', () => {
    const store = browse('picker');
    store.getState().toggle({ assetId: 'urn:aaid:aem:1', name: 'a.jpg', title: 'A', mimeType: 'image/jpeg', kind: 'image', keywords: [], repositoryMetadata: {}, assetMetadata: {} });
    store.getState().setText('kite again');
    const stored = allStorage();
    expect(stored).toContain('kite again');
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('key-7c1');
    expect(stored).not.toContain('urn:aaid');
    expect(Object.keys(JSON.parse(sessionStorage.getItem('asset-selector:picker')!)).sort()).toEqual(['filters', 'filtersOpen', 'sort', 'text', 'v', 'view']);
  });

  it('ignores corrupt, foreign and old records', () => {
    const fresh = () => createSelectorStore(options({ persist: 'picker' })).getState();
    const good = { v: 1, text: 'kite', filters: {}, sort: { field: 'name', direction: 'asc' }, view: 'list' };
    for (const stored of [
      '{not json',
      'null',
      '"kite"',
      JSON.stringify({ ...good, v: 0 }),
      JSON.stringify({ ...good, text: 42 }),
      JSON.stringify({ ...good, sort: { field: 'price', direction: 'asc' } }),
      JSON.stringify({ ...good, view: 'mosaic' }),
      JSON.stringify({ ...good, filters: { kind: [1, 2] } }),
      JSON.stringify({ ...good, filters: { size: { max: '<script>' } } }),
      JSON.stringify({ ...good, text: 'x'.repeat(5000) }),
    ]) {
      sessionStorage.setItem('asset-selector:picker', stored);
      const state = fresh();
      expect({ stored, text: state.text, view: state.view }).toEqual({ stored, text: '', view: 'grid' });
    }
    sessionStorage.setItem('asset-selector:picker', JSON.stringify(good));
    expect(fresh().text).toBe('kite');
  });

  it('blocked storage only means nothing is remembered', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', { configurable: true, get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    try {
      expect(() => browse('picker')).not.toThrow();
      expect(createSelectorStore(options({ persist: 'picker' })).getState().text).toBe('');
    } finally {
      Object.defineProperty(window, 'sessionStorage', descriptor);
    }
  });

  it('a wrong value is a TypeError naming persist', () => {
    for (const persist of ['', '  ', 42, null, [], { storage: 'local' }, { key: '' }, { key: 'k', storage: 'cookie' }, { key: 'k', token: 'x' }]) {
      expect(() => options({ persist }), JSON.stringify(persist)).toThrow(TypeError);
      expect(() => options({ persist }), JSON.stringify(persist)).toThrow(/option "persist/);
    }
  });
});
