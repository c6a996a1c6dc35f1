import { describe, expect, it } from 'vitest';
import { folderTrail } from '../../src/core/folderListing.ts';
import { FOLDER_ROOT, folderPath, scopeToFolder } from '../../src/core/folderScope.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';

describe('scopeToFolder', () => {
  it('adds a term on repositoryMetadata.repo:path after the host’s own scope', () => {
    const host = [{ term: { 'assetMetadata.dc:format': ['image/jpeg'] } }];
    expect(scopeToFolder(host, '/content/dam/samples/space')).toEqual([...host, { term: { 'repositoryMetadata.repo:path': ['/content/dam/samples/space'] } }]);
    expect(scopeToFolder(undefined, '/content/dam/x')).toEqual([{ term: { 'repositoryMetadata.repo:path': ['/content/dam/x'] } }]);
    expect(host).toHaveLength(1);
  });

  it('scopes nothing at the root or without a folder: every asset is under the root', () => {
    const host = [{ match: { text: 'kite' } }];
    expect(scopeToFolder(host, FOLDER_ROOT)).toBe(host);
    expect(scopeToFolder(undefined, undefined)).toBeUndefined();
  });
});

describe('folderPath (the folder option)', () => {
  it('takes the root and paths below it, without a trailing slash', () => {
    expect(folderPath('/content/dam')).toBe('/content/dam');
    expect(folderPath('/content/dam/samples/')).toBe('/content/dam/samples');
    expect(folderPath('/content/dam/a b/ü')).toBe('/content/dam/a b/ü');
  });

  it('refuses anything else', () => {
    for (const bad of ['/content/damx', '/content', 'content/dam/x', '/content/dam//x', '/content/dam/../etc', '/content/dam/./x', '', 42, null]) expect(folderPath(bad), String(bad)).toBeUndefined();
  });

  it('is the same root the folder listing uses', () => {
    expect(folderTrail('/content/dam/a', 'Assets')[0]!.path).toBe(FOLDER_ROOT);
  });
});

describe('validateOptions: tier, folder, onSelectFolder', () => {
  const repository = 'https://repo.example';
  it('defaults to the delivery tier; onSelectFolder implies the author tier', () => {
    expect(validateOptions({ repository }).tier).toBe('delivery');
    expect(validateOptions({ repository, tier: 'author', folder: '/content/dam/x/' })).toMatchObject({ tier: 'author', folder: '/content/dam/x' });
    expect(validateOptions({ repository, onSelectFolder: () => {} }).tier).toBe('author');
  });

  it('names the option it cannot take', () => {
    expect(() => validateOptions({ repository, tier: 'authoring' })).toThrow(/option "tier" must be one of 'delivery', 'author'/);
    expect(() => validateOptions({ repository, tier: 'author', folder: '/etc/x' })).toThrow(/option "folder" must be a folder path under \/content\/dam/);
    expect(() => validateOptions({ repository, folder: '/content/dam/x' })).toThrow(/option "tier" must be 'author' when "folder" is given/);
    expect(() => validateOptions({ repository, onSelectFolder: 'yes' })).toThrow(/option "onSelectFolder" must be a function/);
  });
});
