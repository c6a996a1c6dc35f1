import { describe, expect, it } from 'vitest';
import { normalizeAsset } from '../../src/core/normalizeAsset.ts';
import type { SelectedAsset } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { dragAssets } from '../../src/ui/dragAssets.ts';

const asset = (id: string) =>
  normalizeAsset({ assetId: `urn:aaid:aem:${id}`, repositoryMetadata: { 'repo:name': `${id}.jpg`, 'dc:format': 'image/jpeg' }, assetMetadata: { 'tiff:ImageWidth': 800, 'tiff:ImageLength': 600 } });

/** A DataTransfer as a drag gives it: what was set on it, by type. */
function transfer() {
  const data = new Map<string, string>();
  return { data, setData: (type: string, value: string) => data.set(type, value), effectAllowed: 'uninitialized' } as unknown as DataTransfer & { data: Map<string, string> };
}

describe('the layout, selected and dragData options', () => {
  it('are checked by name', () => {
    const base = { repository: 'http://127.0.0.1:4010' };
    expect(validateOptions(base).layout).toBe('panel');
    expect(validateOptions({ ...base, layout: 'rail' }).layout).toBe('rail');
    expect(() => validateOptions({ ...base, layout: 'sidebar' })).toThrow(/option "layout"/);
    expect(() => validateOptions({ ...base, selected: 'urn:aaid:aem:1' })).toThrow(/option "selected"/);
    expect(() => validateOptions({ ...base, selected: [''] })).toThrow(/option "selected"/);
    expect(() => validateOptions({ ...base, dragData: {} })).toThrow(/option "dragData"/);
  });

  it('select() makes assets the selection (the first in single selection), keeping the editor modifiers of those already chosen', () => {
    const store = createSelectorStore(validateOptions({ repository: 'http://127.0.0.1:4010', selectionType: 'multiple' }));
    const [a, b, c] = [asset('a'), asset('b'), asset('c')];
    store.getState().toggle(a);
    store.setState({ selection: new Map([[a.assetId, { asset: a, modifiers: { width: '100' } }]]) });
    store.getState().select([a, b]);
    expect([...store.getState().selection.keys()]).toEqual([a.assetId, b.assetId]);
    expect(store.getState().selection.get(a.assetId)!.modifiers).toEqual({ width: '100' });
    store.getState().setOptions(validateOptions({ repository: 'http://127.0.0.1:4010', selectionType: 'single' }));
    store.getState().select([c, a]);
    expect([...store.getState().selection.keys()]).toEqual([c.assetId]);
  });

  it('a drag carries dragData for the card, or for the whole selection when the card is in it', () => {
    const seen: SelectedAsset[][] = [];
    const options = validateOptions({
      repository: 'http://127.0.0.1:4010',
      selectionType: 'multiple',
      dragData: (assets: SelectedAsset[]) => (seen.push(assets), { collectionviewdata: JSON.stringify(assets.map((x) => x.name)) }),
    });
    const [a, b, c] = [asset('a'), asset('b'), asset('c')];
    const selection = new Map([a, b].map((x) => [x.assetId, { asset: x, modifiers: {} }]));
    const inSelection = transfer();
    dragAssets({ selection, options }, b, inSelection);
    expect(inSelection.data.get('collectionviewdata')).toBe('["a.jpg","b.jpg"]');
    expect(inSelection.effectAllowed).toBe('copy');
    const alone = transfer();
    dragAssets({ selection, options }, c, alone);
    expect(alone.data.get('collectionviewdata')).toBe('["c.jpg"]');
    expect(seen[1]![0]!.url).toBe('http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:c/as/c.avif');
  });
});
