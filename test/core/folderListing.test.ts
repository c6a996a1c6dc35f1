import { describe, expect, it } from 'vitest';
import { FolderShapeError, folderListingPath, folderTrail, listSubfolders, parseFolderPage } from '../../src/core/folderListing.ts';

const folder = (path: string, title?: string) => ({
  class: ['assets/folder'],
  rel: ['child'],
  properties: { name: path.slice(path.lastIndexOf('/') + 1), ...(title ? { 'dc:title': title } : {}), 'repo:path': path },
});
const asset = (name: string) => ({ class: ['assets/asset'], rel: ['child'], properties: { name, 'repo:path': `/content/dam/x/${name}` } });
const page = (path: string, entities: unknown[], paging: { total: number; offset: number; limit: number }) => ({
  class: ['assets/folder'],
  properties: { name: path.slice(path.lastIndexOf('/') + 1), 'dc:title': 'The folder', 'repo:path': path, 'srn:paging': paging },
  entities,
  links: [{ rel: ['self'], href: `http://x/api/assets${path.slice(12)}.json` }],
});

describe('folderListingPath', () => {
  it('is the Assets HTTP API path of one page, segments encoded', () => {
    expect(folderListingPath('/content/dam')).toBe('/api/assets.json?offset=0&limit=200');
    expect(folderListingPath('/content/dam/samples/space', 200, 50)).toBe('/api/assets/samples/space.json?offset=200&limit=50');
    expect(folderListingPath('/content/dam/a b/#?')).toBe('/api/assets/a%20b/%23%3F.json?offset=0&limit=200');
  });
});

describe('parseFolderPage (Siren)', () => {
  it('reads the folder and its child folders, with dc:title else the name', () => {
    const parsed = parseFolderPage(page('/content/dam/x', [folder('/content/dam/x/a', 'Alpha'), folder('/content/dam/x/b'), asset('c.jpg')], { total: 3, offset: 0, limit: 200 }));
    expect(parsed.folder).toEqual({ path: '/content/dam/x', name: 'x', title: 'The folder' });
    expect(parsed.subfolders).toEqual([
      { path: '/content/dam/x/a', name: 'a', title: 'Alpha' },
      { path: '/content/dam/x/b', name: 'b', title: 'b' },
    ]);
    expect(parsed.nextOffset).toBeUndefined();
  });

  it('asks for the next page only while the page holds folders alone and more children follow', () => {
    const folders = Array.from({ length: 2 }, (_, i) => folder(`/content/dam/x/f${i}`));
    expect(parseFolderPage(page('/content/dam/x', folders, { total: 5, offset: 0, limit: 2 })).nextOffset).toBe(2);
    expect(parseFolderPage(page('/content/dam/x', [folders[0], asset('a.jpg')], { total: 5, offset: 0, limit: 2 })).nextOffset).toBeUndefined();
    expect(parseFolderPage(page('/content/dam/x', folders, { total: 2, offset: 0, limit: 2 })).nextOffset).toBeUndefined();
    expect(parseFolderPage(page('/content/dam/x', [], { total: 9, offset: 9, limit: 2 })).nextOffset).toBeUndefined();
  });

  it('refuses what is not a folder listing', () => {
    expect(() => parseFolderPage({ class: ['assets/asset'], properties: {} })).toThrow(FolderShapeError);
    expect(() => parseFolderPage({ class: ['assets/folder'], properties: { 'repo:path': '/etc' } })).toThrow(/repo:path under \/content\/dam/);
    expect(() => parseFolderPage({ ...page('/content/dam', [], { total: 0, offset: 0, limit: 1 }), entities: {} })).toThrow(/entities: expected an array/);
    expect(() => parseFolderPage({ ...page('/content/dam', [], { total: 0, offset: 0, limit: 1 }), entities: [null] })).toThrow(/entities\[0\]/);
    expect(() => parseFolderPage(page('/content/dam', [], { total: 'many', offset: 0, limit: 1 } as never))).toThrow(/srn:paging/);
    expect(() => parseFolderPage('<html>')).toThrow(FolderShapeError);
  });
});

describe('listSubfolders', () => {
  /** A folder of `count` subfolders and then `assets` assets, served in pages as the API does. */
  function serve(count: number, assets: number) {
    const children = [...Array.from({ length: count }, (_, i) => folder(`/content/dam/big/f${String(i).padStart(4, '0')}`)), ...Array.from({ length: assets }, (_, i) => asset(`a${i}.jpg`))];
    const requested: string[] = [];
    const read = async (path: string) => {
      requested.push(path);
      const query = new URLSearchParams(path.split('?')[1]);
      const offset = Number(query.get('offset'));
      const limit = Number(query.get('limit'));
      return page('/content/dam/big', children.slice(offset, offset + limit), { total: children.length, offset, limit });
    };
    return { read, requested };
  }

  it('follows the pages until the assets begin', async () => {
    const { read, requested } = serve(450, 1000);
    const listed = await listSubfolders('/content/dam/big', read);
    expect(listed.subfolders).toHaveLength(450);
    expect(listed.subfolders[449]!.path).toBe('/content/dam/big/f0449');
    expect(listed.folder.path).toBe('/content/dam/big');
    // 0–199, 200–399, 400–599 (the assets begin there): never the thousand assets' pages.
    expect(requested).toEqual(['/api/assets/big.json?offset=0&limit=200', '/api/assets/big.json?offset=200&limit=200', '/api/assets/big.json?offset=400&limit=200']);
  });

  it('reads one page when there are no more, and stops at 50 pages', async () => {
    const small = serve(3, 0);
    expect((await listSubfolders('/content/dam/big', small.read)).subfolders).toHaveLength(3);
    expect(small.requested).toHaveLength(1);
    const huge = serve(12_000, 0);
    expect((await listSubfolders('/content/dam/big', huge.read)).subfolders).toHaveLength(10_000);
    expect(huge.requested).toHaveLength(50);
  });

  it('passes on a failed read', async () => {
    await expect(listSubfolders('/content/dam', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
  });
});

describe('folderTrail', () => {
  it('is the breadcrumbs from the root to the folder', () => {
    expect(folderTrail('/content/dam', 'Assets')).toEqual([{ path: '/content/dam', name: 'dam', title: 'Assets' }]);
    expect(folderTrail('/content/dam/samples/space', 'Assets').map((f) => [f.path, f.title])).toEqual([
      ['/content/dam', 'Assets'],
      ['/content/dam/samples', 'samples'],
      ['/content/dam/samples/space', 'space'],
    ]);
  });
});
