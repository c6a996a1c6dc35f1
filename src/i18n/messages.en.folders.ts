/**
 * The folder view's English messages (the author tier's Folders region and the folder picker),
 * loaded with it: src/ui/folders/FolderView.tsx adds them to the English catalog as its module
 * runs. Other languages' catalogs carry them whole; their keys and placeholders are in
 * src/i18n/messageReference.ts for the `messages` option's check.
 */
export const messagesEnFolders = {
  folders: 'Folders',
  foldersPath: 'Folder path',
  foldersRoot: 'Assets',
  foldersList: 'Folders in {folder}',
  foldersHint: 'Enter opens a folder, Backspace goes up one level.',
  foldersEmpty: 'No folders in here',
  foldersLoading: 'Loading folders…',
  foldersError: 'The folders could not be loaded',
  foldersUnavailable: 'This repository has no folders to browse',
  folderSelect: 'Select “{folder}”',
} as const;
