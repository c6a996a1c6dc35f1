import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { messageReference } from '../../src/i18n/messageReference.ts';
import { messagesEnAdobe } from '../../src/i18n/messages.en.adobe.ts';
import { messagesEnFolders } from '../../src/i18n/messages.en.folders.ts';
import { messagesEnAdvancedQuery } from '../../src/i18n/messages.en.advancedQuery.ts';
import { messagesEnDownload } from '../../src/i18n/messages.en.download.ts';
import { messagesEnCollections } from '../../src/i18n/messages.en.collections.ts';
import { messagesEn } from '../../src/i18n/messages.en.ts';
import { messagesEnImageEditor } from '../../src/i18n/messages.en.imageEditor.ts';
import { messagesEnUpload } from '../../src/i18n/messages.en.upload.ts';
import { messagesEnVideo } from '../../src/i18n/messages.en.video.ts';
import { englishCatalog } from './englishCatalog.ts';

const placeholders = (message: unknown) => [...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English messages that load with their parts', () => {
  it('are in one module per part, none also in the first screen’s catalog or in another part', () => {
    const parts = [messagesEn, messagesEnImageEditor, messagesEnAdvancedQuery, messagesEnAdobe, messagesEnUpload, messagesEnDownload, messagesEnVideo, messagesEnFolders, messagesEnCollections].map((catalog) => Object.keys(catalog));
    expect(parts.flat().length).toBe(new Set(parts.flat()).size);
  });

  it('are known to the messages option’s check by key and placeholders: the reference has every English key', () => {
    expect(Object.keys(messageReference).sort()).toEqual(Object.keys(englishCatalog).sort());
    for (const [key, message] of Object.entries(englishCatalog)) {
      expect(placeholders(messageReference[key]), key).toEqual(placeholders(message));
      expect(typeof messageReference[key], key).toBe(typeof message);
    }
  });

  it('reach the English catalog when the editor’s module loads, and only then', async () => {
    const en = createTranslator('en');
    expect(en.t('cancel')).toBe('Cancel');
    // Before the part is here, its keys show as themselves (no part renders them before it loads).
    expect(en.t('editorClose')).toBe('editorClose');
    expect(en.t('runQuery')).toBe('runQuery');
    await import('../../src/ui/editor/ImageEditor.tsx');
    expect(en.t('editorClose')).toBe('Close editor');
    expect(createTranslator('en-GB').t('editorPosition', { n: 2, count: 3 })).toBe('Image 2 of 3');
    expect(en.t('runQuery')).toBe('runQuery');
    await import('../../src/ui/AdvancedQueryEditor.tsx');
    expect(en.t('runQuery')).toBe('Run query');
    expect(en.t('advField.size')).toBe('File size (bytes)');
  });
});
