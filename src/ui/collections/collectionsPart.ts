/**
 * The Collections view, a part loaded on first use (ui/lazyParts.ts): the list, and the bar of an
 * open collection. Its English messages come with it (useCollectionsApi.ts adds them: a module
 * both components use, where a bundler keeps the call; a barrel's own statements are dropped).
 */
export { CollectionBar } from './CollectionBar.tsx';
export { CollectionsView } from './CollectionsView.tsx';
