import type { messagesEnAdobe } from './messages.en.adobe.ts';
import type { messagesEnFolders } from './messages.en.folders.ts';
import type { messagesEnAdvancedQuery } from './messages.en.advancedQuery.ts';
import type { messagesEnDownload } from './messages.en.download.ts';
import type { messagesEnCollections } from './messages.en.collections.ts';
import type { messagesEnImageEditor } from './messages.en.imageEditor.ts';
import type { messagesEnUpload } from './messages.en.upload.ts';
import type { messagesEnVideo } from './messages.en.video.ts';

/**
 * English messages: the reference catalog, with the messages of the parts loaded on first use
 * (messages.en.imageEditor.ts, messages.en.advancedQuery.ts, messages.en.adobe.ts), which each part
 * adds as it loads (i18n/catalogs.ts, addEnglish), so the first screen does not carry them. Every
 * other catalog has exactly the keys of all four, whole (the type `Messages` checks it). `{name}` is replaced by a parameter; an object is a plural message whose
 * form is picked with `Intl.PluralRules` from the `count` parameter.
 *
 * The names the public contract fixes (DESIGN.md, "Accessible names") are the English values of
 * `selector`, `searchLabel`, `assets`, `select`/`selectCount` and `cancel`.
 */
export const messagesEn = {
  selector: 'Asset selector',
  searchLabel: 'Search assets',
  searchPlaceholder: 'Search assets',
  assets: 'Assets',

  filters: 'Filters',
  clearAll: 'Clear all',
  'filterGroup.kind': 'Type',
  'filterGroup.format': 'Format',
  'filterGroup.keywords': 'Keywords',
  'filterGroup.created': 'Created',
  'filterGroup.size': 'File size',
  'kind.image': 'Image',
  'kind.video': 'Video',
  'kind.document': 'Document',
  'kind.other': 'File',
  'kindName.image': 'image',
  'kindName.video': 'video',
  'kindName.document': 'document',
  'kindName.other': 'file',
  rangeFrom: 'From',
  rangeTo: 'To',
  rangeMin: 'Min',
  rangeMax: 'Max',
  rangeMinUnit: 'Min ({unit})',
  rangeMaxUnit: 'Max ({unit})',
  noFacetValues: 'No values in these results',

  sortBy: 'Sort by',
  'sort.relevance': 'Relevance',
  'sort.name.asc': 'Name (A–Z)',
  'sort.name.desc': 'Name (Z–A)',
  'sort.created.desc': 'Newest first',
  'sort.created.asc': 'Oldest first',
  'sort.size.desc': 'Largest first',
  'sort.size.asc': 'Smallest first',

  view: 'View',
  gridView: 'Grid view',
  listView: 'List view',

  resultsFound: { one: '{count} asset found', other: '{count} assets found' },
  searching: 'Searching…',
  loading: 'Loading assets…',
  loadingMore: 'Loading more assets…',
  noResults: 'No assets match your search',
  noResultsFor: 'No assets match “{text}”',
  noResultsHint: 'Try other words, or remove some filters.',
  clearSearchAndFilters: 'Clear search and filters',

  errorTitle: 'The assets could not be loaded',
  detailsErrorTitle: 'The details could not be loaded',
  'error.network': 'The repository could not be reached.',
  'error.unauthorized': 'You are not allowed to see these assets, or your sign-in has expired.',
  'error.not-found': 'The asset no longer exists or is not visible to you.',
  'error.bad-request': 'The repository rejected the request.',
  'error.unavailable': 'The repository is busy or unavailable. Try again in a moment.',
  'error.invalid-response': 'The repository sent an answer the selector does not understand.',
  retry: 'Retry',

  details: 'Details',
  detailsEmpty: 'Move to an asset to see its details.',
  'field.description': 'Description',
  'field.dimensions': 'Dimensions',
  'field.format': 'Format',
  'field.size': 'Size',
  'field.created': 'Created',
  'field.modified': 'Modified',
  'field.keywords': 'Keywords',
  dimensions: '{width} × {height}',
  cardName: '{title}, {kind}, {width} × {height}',
  cardNameNoSize: '{title}, {kind}',

  tray: 'Selected assets',
  trayEmpty: 'No assets selected',
  trayWaiting: 'Waiting for approval',
  removeAsset: 'Remove {title}',
  download: 'Download',
  downloadLoadFailed: 'The download could not be started',
  playVideo: 'Play {title}',
  videoLoadFailed: 'The player could not be loaded',
  select: 'Select',
  selectCount: { one: 'Select {count}', other: 'Select {count}' },
  cancel: 'Cancel',

  advancedToggle: 'Advanced',
  collections: 'Collections',
  advancedActive: 'Advanced query applied',
  edit: 'Edit',
  editorLoadFailed: 'The editor could not be loaded',
  partLoadFailed: 'This part of the selector could not be loaded',

  optionErrorTitle: 'The asset selector cannot be shown',
  optionErrorAttribute: 'The attribute “{attribute}” has a value the selector does not accept.',
  optionErrorOption: 'The option “{option}” has a value the selector does not accept.',

  // Units and formats as people name them (format.{MIME type}, read by src/i18n/formatNames.ts).
  'unit.px': 'px',
  'format.image/jpeg': 'JPEG',
  'format.image/png': 'PNG',
  'format.image/gif': 'GIF',
  'format.image/webp': 'WebP',
  'format.image/avif': 'AVIF',
  'format.image/tiff': 'TIFF',
  'format.image/svg+xml': 'SVG',
  'format.image/bmp': 'BMP',
  'format.image/heic': 'HEIC',
  'format.image/heif': 'HEIF',
  'format.image/vnd.adobe.photoshop': 'Photoshop document',
  'format.image/x-raw': 'Camera raw image',
  'format.video/mp4': 'MP4 video',
  'format.video/quicktime': 'QuickTime video',
  'format.video/webm': 'WebM video',
  'format.video/x-msvideo': 'AVI video',
  'format.video/x-matroska': 'Matroska video',
  'format.video/mpeg': 'MPEG video',
  'format.video/ogg': 'Ogg video',
  'format.video/3gpp': '3GP video',
  'format.application/pdf': 'PDF',
  'format.application/msword': 'Word document',
  'format.application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'format.application/vnd.ms-excel': 'Excel spreadsheet',
  'format.application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'format.application/vnd.ms-powerpoint': 'PowerPoint presentation',
  'format.application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'format.application/rtf': 'Rich Text document',
  'format.text/plain': 'Plain text',
  'format.text/csv': 'CSV',
  'format.application/postscript': 'PostScript',
  'format.application/x-indesign': 'InDesign document',

  // Upload (the `upload` option): the button and the drop zone; the queue's messages load with it.
  upload: 'Upload',
  uploadDropHere: 'Drop the files here to upload them',
} as const;

export type PluralMessage = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
/** The English catalog as a whole: this module's messages and those of the parts loaded on first use. */
type English = typeof messagesEn & typeof messagesEnImageEditor & typeof messagesEnAdvancedQuery & typeof messagesEnAdobe & typeof messagesEnUpload & typeof messagesEnDownload & typeof messagesEnVideo & typeof messagesEnFolders & typeof messagesEnCollections;
export type MessageKey = keyof English;
/** A catalog: every key of the English one, each a string or a plural message. */
export type Messages = { readonly [K in MessageKey]: English[K] extends string ? string : PluralMessage };
