import { messagesEnAdobe } from '../../src/i18n/messages.en.adobe.ts';
import { messagesEnAdvancedQuery } from '../../src/i18n/messages.en.advancedQuery.ts';
import { messagesEnCollections } from '../../src/i18n/messages.en.collections.ts';
import { messagesEn, type Messages } from '../../src/i18n/messages.en.ts';
import { messagesEnImageEditor } from '../../src/i18n/messages.en.imageEditor.ts';

/** The whole English catalog: the first screen's messages and those that load with their parts. */
export const englishCatalog: Messages = { ...messagesEn, ...messagesEnImageEditor, ...messagesEnAdvancedQuery, ...messagesEnAdobe, ...messagesEnCollections };
