import type { FolderEntry } from '../core/folderListing.ts';
import type { AdobeFolder } from './adobeTypes.ts';

/**
 * The folder a destination selector hands to `onConfirm` / `handleSelection`: `repo:path` (what
 * pages read, shared/spec/adobe-compat.md), with its name, title and repository beside it.
 */
export function toAdobeFolder(folder: FolderEntry, repository: string): AdobeFolder {
  return {
    'repo:path': folder.path,
    'repo:name': folder.name,
    'dc:title': folder.title,
    'repo:assetClass': 'folder',
    'repo:repositoryId': new URL(repository).host,
    name: folder.name,
  };
}
