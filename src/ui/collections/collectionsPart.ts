/**
 * The Collections view, a part loaded on first use (ui/lazyParts.ts): the list, and the bar of an
 * open collection. Its English messages come with it (other languages' catalogs have them already).
 */
import { messagesEnCollections } from '../../i18n/messages.en.collections.ts';
import { addEnglish } from '../editorHost.ts';

addEnglish(messagesEnCollections);

export { CollectionBar } from './CollectionBar.tsx';
export { CollectionsView } from './CollectionsView.tsx';
