import { FolderShapeError, listSubfolders, type FolderEntry } from '../../core/folderListing.ts';
import { SelectorError, useQuery, useRepositoryClient } from '../editorHost.ts';
import type { QueryResult } from '../query/useQuery.ts';

/** A folder and its child folders, from the Assets HTTP API (every page), cached per selector. */
export function useFolderListing(folder: string): QueryResult<{ folder: FolderEntry; subfolders: FolderEntry[] }> {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['folders', key, folder],
    fetch: (signal) =>
      listSubfolders(folder, (path) => client.read('folders', path, { signal })).catch((error: unknown) => {
        // The selector's error class, so the error state names it as an answer it could not read.
        throw error instanceof FolderShapeError ? new SelectorError('invalid-response', `folders: ${error.message}`, { cause: error }) : error;
      }),
  });
}
