import { messagesEnAdobe } from '../../src/i18n/messages.en.adobe.ts';
import { messagesEnFolders } from '../../src/i18n/messages.en.folders.ts';
import { messagesEnAdvancedQuery } from '../../src/i18n/messages.en.advancedQuery.ts';
import { messagesEnDownload } from '../../src/i18n/messages.en.download.ts';
import { messagesEnCollections } from '../../src/i18n/messages.en.collections.ts';
import { messagesEn, type Messages } from '../../src/i18n/messages.en.ts';
import { messagesEnImageEditor } from '../../src/i18n/messages.en.imageEditor.ts';
import { messagesEnUpload } from '../../src/i18n/messages.en.upload.ts';

import { messagesEnVideo } from '../../src/i18n/messages.en.video.ts';

/** The whole English catalog: the first screen's messages and those that load with their parts. */
export const englishCatalog: Messages = { ...messagesEn, ...messagesEnImageEditor, ...messagesEnAdvancedQuery, ...messagesEnAdobe, ...messagesEnUpload, ...messagesEnDownload, ...messagesEnVideo, ...messagesEnFolders, ...messagesEnCollections };
