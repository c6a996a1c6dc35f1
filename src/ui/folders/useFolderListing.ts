import { listSubfolders, type FolderEntry } from '../../core/folderListing.ts';
import { useQuery, useRepositoryClient } from '../editorHost.ts';
import type { QueryResult } from '../query/useQuery.ts';

/** A folder and its child folders, from the Assets HTTP API (every page), cached per selector. */
export function useFolderListing(folder: string): QueryResult<{ folder: FolderEntry; subfolders: FolderEntry[] }> {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['folders', key, folder],
    // A listing it cannot read is an `invalid-response` SelectorError already (FolderShapeError).
    fetch: (signal) => listSubfolders(folder, (path) => client.read('folders', path, { signal })),
  });
}
