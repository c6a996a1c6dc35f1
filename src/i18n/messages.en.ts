import type { messagesExtrasEn } from './messages.extras.en.ts';

/**
 * English messages: the reference catalog (with messages.extras.en.ts, which holds the editors'
 * messages and travels with them). Every other catalog has exactly these keys (the type
 * `Messages` checks it). `{name}` is replaced by a parameter; an object is a plural message whose
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
  'field.title': 'Title',
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
  removeAsset: 'Remove {title}',
  select: 'Select',
  selectCount: { one: 'Select {count}', other: 'Select {count}' },
  cancel: 'Cancel',

  advancedToggle: 'Advanced',
  advancedActive: 'Advanced query applied',
  edit: 'Edit',
  editorLoadFailed: 'The editor could not be loaded',
  optionErrorTitle: 'The asset selector cannot be shown',
  optionErrorAttribute: 'The attribute “{attribute}” has a value the selector does not accept.',
  optionErrorOption: 'The option “{option}” has a value the selector does not accept.',
} as const;

export type PluralMessage = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
export type MessageKey = keyof typeof messagesEn | keyof typeof messagesExtrasEn;
/** Every key with its English value: the core catalog and the extras' (messages.extras.en.ts). */
type English = typeof messagesEn & typeof messagesExtrasEn;
/** A catalog: every key of the English one, each a string or a plural message. */
export type Messages = { readonly [K in MessageKey]: English[K] extends string ? string : PluralMessage };
