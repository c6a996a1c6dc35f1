import { describe, expect, it, vi } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';

const options = (extra: Record<string, unknown> = {}) => validateOptions({ repository: 'http://repo.test', ...extra });
const scope = (path: string) => ({ term: { 'repositoryMetadata.repo:path': [path] } });
/** The folder clauses of a request's query. */
const folderClauses = (query: readonly object[]) => query.filter((node) => JSON.stringify(node).includes('repo:path'));

describe('the store’s folder (author tier)', () => {
  it('starts at the folder option, else the root, which scopes nothing', () => {
    expect(createSelectorStore(options({ tier: 'author' })).getState()).toMatchObject({ folder: '/content/dam' });
    expect(folderClauses(createSelectorStore(options({ tier: 'author' })).getState().search.request.query)).toEqual([]);
    const store = createSelectorStore(options({ tier: 'author', folder: '/content/dam/samples' }));
    expect(folderClauses(store.getState().search.request.query)).toEqual([scope('/content/dam/samples')]);
  });

  it('opening a folder scopes the search (and what Run would send), AND-ed after the host’s query and the person’s text', () => {
    const store = createSelectorStore(options({ tier: 'author', query: [{ term: { 'assetMetadata.dc:format': ['image/jpeg'] } }] }));
    store.getState().setText('kite');
    store.getState().settleSearch();
    store.getState().setFolder('/content/dam/samples/space');
    const { search, advancedRequest } = store.getState();
    expect(search.request.query).toHaveLength(3);
    expect(search.request.query).toEqual(expect.arrayContaining([{ match: { text: 'kite' } }, { term: { 'assetMetadata.dc:format': ['image/jpeg'] } }, scope('/content/dam/samples/space')]));
    expect(folderClauses(advancedRequest.query)).toEqual([scope('/content/dam/samples/space')]);
    store.getState().setFolder('/content/dam');
    expect(folderClauses(store.getState().search.request.query)).toEqual([]);
    expect(store.getState().search.request.query).toHaveLength(2);
  });

  it('the delivery tier is never scoped; a new folder option moves there', () => {
    const store = createSelectorStore(options());
    store.getState().setFolder('/content/dam/x');
    expect(folderClauses(store.getState().search.request.query)).toEqual([]);
    store.getState().setOptions(options({ tier: 'author', folder: '/content/dam/y' }));
    expect(store.getState().folder).toBe('/content/dam/y');
    expect(folderClauses(store.getState().search.request.query)).toEqual([scope('/content/dam/y')]);
  });

  it('a folder picker’s Select closes a modal, then hands the folder to onSelectFolder', () => {
    const order: string[] = [];
    const store = createSelectorStore(options({ mode: 'modal', onSelectFolder: (folder: unknown) => order.push(`chosen ${JSON.stringify(folder)} open=${store.getState().isOpen}`) }));
    store.getState().open();
    store.getState().confirmFolder({ path: '/content/dam/a', name: 'a', title: 'A' });
    expect(order).toEqual(['chosen {"path":"/content/dam/a","name":"a","title":"A"} open=false']);
    const onClose = vi.fn();
    store.getState().setOptions(options({ onClose, onSelectFolder: () => {} }));
    store.getState().cancel();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
