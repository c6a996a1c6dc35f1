/**
 * The Collections view's English messages, loaded with it (src/ui/collections/collectionsPart.ts
 * adds them to the English catalog as its module runs). The toolbar's **Collections** button is in
 * the first screen's catalog (`collections`). Other languages' catalogs carry these whole; their
 * keys and placeholders are in src/i18n/messageReference.ts for the `messages` option's check.
 */
export const messagesEnCollections = {
  collList: 'Collections in the repository',
  collLoading: 'Loading the collections…',
  collEmpty: 'There are no collections yet.',
  collLoadFailed: 'The collections could not be loaded',
  collMore: 'Show more collections',
  collAllAssets: 'All assets',
  collHeading: 'Collection: {title}',
  collOpening: 'Opening the collection…',
  collOpenFailed: 'The collection could not be opened',
  collAdd: 'Add selection',
  collRemove: 'Remove selection',
  collAdded: 'Added to the collection: {count}',
  collRemoved: 'Removed from the collection: {count}',
  collStale: 'Someone else changed this collection, so it has been reloaded. Please try again.',
  collNoWrite: 'Your access does not allow changing collections.',
  collWriteFailed: 'The collection could not be changed: {detail}',
  collNew: 'New collection from the selection',
  collTitle: 'Title',
  collDescription: 'Description (optional)',
  collCreate: 'Create collection',
  collCreated: 'Collection created: {title}',
  collNeedSelection: 'Choose assets first: the new collection holds the selection.',
  collNeedTitle: 'Give the collection a title.',
} as const;
