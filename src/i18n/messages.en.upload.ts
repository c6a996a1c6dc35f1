/**
 * The upload queue's English messages, loaded with it (src/ui/upload/UploadPanel.tsx adds them to
 * the English catalog as its module runs). Other languages' catalogs carry them whole; their keys
 * and placeholders are in src/i18n/messageReference.ts for the `messages` option's check. The
 * button and the drop zone are on the first screen: their messages are in messages.en.ts.
 */
export const messagesEnUpload = {
  uploads: 'Uploads',
  uploadTo: 'Uploading to {folder}',
  uploadClearFinished: 'Clear finished',
  uploadCancel: 'Cancel upload',
  uploadRename: 'Rename',
  uploadReplace: 'Replace',
  'uploadStatus.queued': 'Waiting to upload',
  'uploadStatus.uploading': 'Uploading: {percent}',
  'uploadStatus.processing': 'Checking the file…',
  'uploadStatus.approving': 'Approving…',
  'uploadStatus.approved': 'Uploaded and approved: it is in the results',
  'uploadStatus.waiting': 'Waiting for approval: it can be selected once approved',
  'uploadStatus.approveFailed': 'Uploaded, but could not approve it: waiting for approval, it cannot be selected yet',
  'uploadStatus.conflict': 'An asset named {name} already exists: rename this one or replace that one',
  'uploadStatus.cancelling': 'Cancelling…',
  'uploadStatus.cancelled': 'Cancelled',
  'uploadFailure.too-large': 'Too large: the file is over the repository’s upload limit',
  'uploadFailure.wrong-type': 'Wrong type: the repository does not take this file, or it is not what its name says',
  'uploadFailure.conflict': 'The name is taken',
  'uploadFailure.not-allowed': 'Not allowed: this account may not upload here',
  'uploadFailure.network': 'The repository could not be reached',
  'uploadFailure.server': 'The repository is busy or unavailable: try again',
  'uploadFailure.rejected': 'The repository refused the file',
  uploadAnnounce: '{name}: {status}',
} as const;
