import { describe, expect, it } from 'vitest';
import { filterSchemaToFilters } from '../../src/adobe/filterSchemaToFilters.ts';
import { NotConfiguredError, propsToOptions } from '../../src/adobe/propsToOptions.ts';
import { repositoryFromId } from '../../src/adobe/compatConfig.ts';
import { filtersToQuery, KIND_MIME_TYPES } from '../../src/core/filtersToQuery.ts';
import type { SelectedAsset } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';

const config = { repository: 'http://127.0.0.1:4010' };
const asset: SelectedAsset = {
  assetId: 'urn:aaid:aem:1',
  name: 'a.jpg',
  title: 'A',
  mimeType: 'image/jpeg',
  kind: 'image',
  width: 100,
  height: 50,
  url: 'http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:1/as/a.jpg',
  modifiers: {},
  srcset: 'http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:1/as/a.jpg?width=100 100w',
  originalUrl: 'http://127.0.0.1:4010/adobe/assets/urn:aaid:aem:1/original/as/a.jpg',
  repositoryMetadata: {},
  assetMetadata: {},
};

describe('propsToOptions: Adobe props as our options', () => {
  it('gives options our validation accepts, every key present (so an update resets what a render no longer passes)', () => {
    const options = propsToOptions({}, config, undefined);
    expect(() => validateOptions(options)).not.toThrow();
    expect(options).toMatchObject({ repository: config.repository, selectionType: 'single', mode: 'inline', layout: 'panel', colorScheme: 'auto', imageFormat: 'jpg' });
    for (const key of ['filters', 'selected', 'dragData', 'locale', 'token', 'apiKey']) expect(Object.keys(options)).toContain(key);
  });

  it('calls handleSelection, then onClose, on Select; handleAssetSelection on every change, [] for none', () => {
    const calls: string[] = [];
    const options = propsToOptions(
      { handleSelection: (a: unknown[]) => calls.push(`select ${a.length}`), onClose: () => calls.push('close'), handleAssetSelection: (a: unknown[]) => calls.push(`change ${a.length}`) },
      config,
      undefined,
    );
    options.onSelect!([asset]);
    options.onSelectionChange!([]);
    options.onSelectionChange!([asset]);
    options.onClose!();
    expect(calls).toEqual(['select 1', 'close', 'change 0', 'change 1', 'close']);
  });

  it('hands Adobe-shaped assets to the callbacks', () => {
    let received: Array<Record<string, unknown>> = [];
    propsToOptions({ handleSelection: (a) => (received = a as never) }, config, undefined).onSelect!([asset]);
    expect(received[0]).toMatchObject({ 'repo:assetId': 'urn:aaid:aem:1', 'aem:formatName': 'jpeg', name: 'a.jpg' });
  });

  it('takes selectionType, also from acvConfig', () => {
    expect(propsToOptions({ selectionType: 'multiple' }, config, undefined).selectionType).toBe('multiple');
    expect(propsToOptions({ acvConfig: { selectionType: 'multiple' } }, config, undefined).selectionType).toBe('multiple');
    expect(() => propsToOptions({ selectionType: 'many' as never }, config, undefined)).toThrow(/"selectionType"/);
  });

  it('takes aemTierType as a string or an array, and refuses anything else naming it', () => {
    for (const aemTierType of ['delivery', ['delivery'], ['author'], ['delivery', 'author']]) {
      expect(() => propsToOptions({ aemTierType }, config, undefined)).not.toThrow();
    }
    for (const aemTierType of ['assets', [], [1], {}]) {
      expect(() => propsToOptions({ aemTierType: aemTierType as never }, config, undefined)).toThrow(/"aemTierType"/);
    }
  });

  it('makes a rail of draggable cards whose drag carries collectionviewdata', () => {
    const options = propsToOptions({ rail: true }, config, undefined);
    expect(options.layout).toBe('rail');
    const data = options.dragData!([asset]);
    expect(JSON.parse(data.collectionviewdata!)).toEqual([expect.objectContaining({ name: 'a.jpg', 'repo:assetId': 'urn:aaid:aem:1' })]);
    expect(data['text/uri-list']).toBe(asset.url);
    expect(propsToOptions({}, config, undefined).dragData).toBeUndefined();
  });

  it('preselects selectedAssets by id', () => {
    expect(propsToOptions({ selectedAssets: [{ id: 'urn:aaid:aem:1' }, { 'repo:assetId': 'urn:aaid:aem:2' }, {}] }, config, undefined).selected).toEqual(['urn:aaid:aem:1', 'urn:aaid:aem:2']);
    expect(propsToOptions({ selectedAssets: [] }, config, undefined).selected).toBeUndefined();
  });

  it('takes colorScheme and intl.locale (over the configured locale)', () => {
    expect(propsToOptions({ colorScheme: 'dark' }, config, undefined).colorScheme).toBe('dark');
    expect(propsToOptions({ colorScheme: 'sepia' }, config, undefined).colorScheme).toBe('auto');
    expect(propsToOptions({ intl: { locale: 'de-DE' } }, { ...config, locale: 'fr-FR' }, undefined).locale).toBe('de-DE');
    expect(propsToOptions({}, { ...config, locale: 'fr-FR' }, undefined).locale).toBe('fr-FR');
  });

  it('accepts and ignores the rest', () => {
    const ignored = {
      imsOrg: 'x', apiKey: 'k', env: 'prod', discoveryURL: 'u', featureSet: ['a'], noWrap: true, hideTreeNav: true, dialogSize: 'fullscreen', rootPath: '/', path: '/',
      i18nSymbols: {}, handleNavigateToAsset: () => {}, additionalAemSolutions: {}, filterRepoList: () => [], somethingNew: 1,
    };
    const options = propsToOptions(ignored, config, undefined);
    expect(options.apiKey).toBeUndefined();
    expect(() => validateOptions(options)).not.toThrow();
  });

  it('takes the repository from the configuration, else repositoryId (a host or a full URL); without either it is not configured', () => {
    expect(propsToOptions({ repositoryId: 'delivery-p1-e2.adobeaemcloud.com' }, {}, undefined).repository).toBe('https://delivery-p1-e2.adobeaemcloud.com');
    expect(propsToOptions({ repositoryId: 'http://127.0.0.1:4010' }, {}, undefined).repository).toBe('http://127.0.0.1:4010');
    expect(propsToOptions({ repositoryId: 'delivery-p1-e2.adobeaemcloud.com' }, config, undefined).repository).toBe(config.repository);
    expect(() => propsToOptions({}, {}, undefined)).toThrow(NotConfiguredError);
    expect(repositoryFromId('  ')).toBeUndefined();
  });

  it('refuses a callback that is not a function, naming it', () => {
    expect(() => propsToOptions({ handleSelection: 'no' as never }, config, undefined)).toThrow(/"handleSelection"/);
  });
});

describe('filterSchema as filter groups', () => {
  const schema = [
    { header: 'File Type', groupKey: 'TopGroup', fields: [{ element: 'checkbox', name: 'type', options: [{ label: 'Images', value: 'image/*' }, { label: 'Videos', value: 'video/*' }] }] },
    { header: 'Food', groupKey: 'Food', fields: [{ element: 'radio', name: 'property=metadata.application.xcm:keywords.value', options: [{ label: 'Fruits', value: 'fruits' }] }] },
    { header: 'Empty', groupKey: 'Empty', fields: [{ element: 'checkbox', name: 'x', options: [] }] },
  ];

  it('replaces the default panel with one group per field, labels as given', () => {
    expect(filterSchemaToFilters(schema)).toEqual([
      { id: 'TopGroup.0', label: 'File Type', type: 'values', field: 'repositoryMetadata.dc:format', values: [{ value: 'image/*', label: 'Images' }, { value: 'video/*', label: 'Videos' }] },
      { id: 'Food.0', label: 'Food', type: 'values', field: 'assetMetadata.xcm:keywords', values: [{ value: 'fruits', label: 'Fruits' }] },
    ]);
    expect(propsToOptions({ filterSchema: schema }, config, undefined).filters).toHaveLength(2);
  });

  it('turns image/* into the image types', () => {
    const groups = filterSchemaToFilters(schema);
    expect(filtersToQuery(groups, { 'TopGroup.0': ['image/*'] })).toEqual([{ term: { 'repositoryMetadata.dc:format': [...KIND_MIME_TYPES.image] } }]);
    expect(filtersToQuery(groups, { 'TopGroup.0': ['model/*'] })).toEqual([{ term: { 'repositoryMetadata.dc:format': ['model/*'] } }]);
  });

  it('refuses what is not a schema, naming it', () => {
    expect(() => filterSchemaToFilters({})).toThrow(/"filterSchema"/);
    expect(() => filterSchemaToFilters([{ fields: 'x' }])).toThrow(/"filterSchema\[0\]"/);
  });
});
