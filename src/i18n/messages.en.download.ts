/**
 * The tray's Download (an archive of the selection) in English, loaded with it
 * (src/ui/download/ArchiveDownload.tsx adds them to the English catalog as its module runs). Other
 * languages' catalogs carry them whole, in a section at their end; their keys and placeholders
 * are in src/i18n/messageReference.ts for the `messages` option's check.
 */
export const messagesEnDownload = {
  downloadRegion: 'Download the selection',
  downloadRequesting: 'Asking the repository for an archive…',
  downloadPreparing: 'The repository is preparing the archive…',
  downloadProgress: 'Preparing the archive',
  downloadStop: 'Stop download',
  downloadReady: 'The archive is ready; your browser is saving it.',
  downloadReadyFiles: 'The archive is ready in {count} files.',
  downloadFile: 'Save {name} ({size})',
  downloadSkipped: 'Left out of the archive',
  downloadSkippedItem: '{title}: {detail}',
  downloadDone: 'Done',
  downloadFailed: 'The archive could not be made',
} as const;
