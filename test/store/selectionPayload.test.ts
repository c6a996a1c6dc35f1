import { describe, expect, it } from 'vitest';
import type { AssetSummary } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { applyEditor, setDraft } from '../../src/store/editorSession.ts';
import { selectionPayload } from '../../src/store/selectionPayload.ts';

const kite: AssetSummary = {
  assetId: 'urn:aaid:aem:1a034bee-ebda-4787-bad3-f924d0772b75',
  name: 'kite.jpg',
  title: 'Kite over the hills',
  mimeType: 'image/jpeg',
  kind: 'image',
  width: 2400,
  height: 1500,
  keywords: ['kite'],
  repositoryMetadata: { 'repo:name': 'kite.jpg', 'dc:format': 'image/jpeg' },
  assetMetadata: { 'dc:title': 'Kite over the hills' },
};
const report: AssetSummary = {
  ...kite, assetId: 'urn:aaid:aem:2b034bee-ebda-4787-bad3-f924d0772b75', name: 'report.pdf', title: 'Report', mimeType: 'application/pdf', kind: 'document',
  width: undefined, height: undefined,
};

describe('selectionPayload', () => {
  it('is one SelectedAsset per chosen asset, in the order chosen, with delivery URLs on the repository', () => {
    const store = createSelectorStore(validateOptions({ repository: 'http://repo.test/', selectionType: 'multiple', imageFormat: 'webp', token: 'secret-token' }));
    store.getState().toggle(report);
    store.getState().toggle(kite);
    const [first, second] = selectionPayload(store.getState());
    expect(first).toMatchObject({ assetId: report.assetId, kind: 'document', url: `http://repo.test/adobe/assets/${report.assetId}/original/as/report.pdf`, modifiers: {} });
    expect(second).toMatchObject({ assetId: kite.assetId, title: 'Kite over the hills', kind: 'image', width: 2400, height: 1500, modifiers: {} });
    expect(second!.url).toBe(`http://repo.test/adobe/assets/${kite.assetId}/as/kite.webp`);
    expect(second!.srcset).toContain('width=320');
    expect(JSON.stringify([first, second])).not.toContain('secret-token');
  });

  it('carries the modifiers the editor gave an asset, exactly as in its URL', () => {
    const store = createSelectorStore(validateOptions({ repository: 'http://repo.test' }));
    store.getState().openEditor(kite);
    setDraft(store, kite.assetId, { modifiers: { width: '800', crop: '10p,10p,50p,50p' } });
    applyEditor(store);
    const [selected] = selectionPayload(store.getState());
    expect(selected!.modifiers).toEqual({ width: '800', crop: '10p,10p,50p,50p' });
    expect(selected!.url).toContain('crop=10p,10p,50p,50p');
    expect(selected!.url).toContain('width=800');
  });

  it('is empty without a selection', () => {
    expect(selectionPayload(createSelectorStore(validateOptions({ repository: 'http://repo.test' })).getState())).toEqual([]);
  });
});
