import { describe, expect, it, vi } from 'vitest';
import { destinationOptions } from '../../src/adobe/destinationOptions.ts';
import { NotConfiguredError, propsToOptions } from '../../src/adobe/propsToOptions.ts';
import { toAdobeFolder } from '../../src/adobe/toAdobeFolder.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';

const config = { repository: 'http://127.0.0.1:4010' };
const space = { path: '/content/dam/samples/space', name: 'space', title: 'Space' };

describe('the destination selector: Adobe props as a folder picker', () => {
  it('is the author tier with onSelectFolder, which our validation accepts', () => {
    const options = destinationOptions({ onConfirm: () => {} }, config, 'dev-token');
    expect(validateOptions(options)).toMatchObject({ tier: 'author', repository: config.repository, token: 'dev-token' });
    expect(options.onSelectFolder).toBeTypeOf('function');
  });

  it('Select calls onConfirm with the folder’s repo:path and the fields beside it, then onClose', () => {
    const calls: string[] = [];
    const onConfirm = vi.fn(() => calls.push('onConfirm'));
    const onClose = vi.fn(() => calls.push('onClose'));
    destinationOptions({ onConfirm, onClose }, config, undefined).onSelectFolder!(space);
    expect(onConfirm).toHaveBeenCalledWith({
      'repo:path': '/content/dam/samples/space',
      'repo:name': 'space',
      'dc:title': 'Space',
      'repo:assetClass': 'folder',
      'repo:repositoryId': '127.0.0.1:4010',
      name: 'space',
    });
    expect(calls).toEqual(['onConfirm', 'onClose']);
  });

  it('takes handleSelection when the page passes no onConfirm; Cancel is onClose', () => {
    const handleSelection = vi.fn();
    const onClose = vi.fn();
    const options = destinationOptions({ handleSelection, onClose }, config, undefined);
    options.onSelectFolder!(space);
    expect(handleSelection.mock.calls[0]![0]['repo:path']).toBe('/content/dam/samples/space');
    expect(options.onClose).toBe(onClose);
  });

  it('reads the repository, locale and colour scheme as the asset selector does, and names a bad callback', () => {
    expect(destinationOptions({ repositoryId: 'delivery-p1-e2.adobeaemcloud.com', intl: { locale: 'de-DE' }, colorScheme: 'dark' }, {}, undefined)).toMatchObject({
      repository: 'https://delivery-p1-e2.adobeaemcloud.com',
      locale: 'de-DE',
      colorScheme: 'dark',
    });
    expect(() => destinationOptions({}, {}, undefined)).toThrow(NotConfiguredError);
    expect(() => destinationOptions({ onConfirm: 'yes' as never }, config, undefined)).toThrow(/prop "onConfirm" must be a function/);
  });

  it('an asset selector rendered in the same place afterwards is no folder picker', () => {
    expect(propsToOptions({}, config, undefined)).toMatchObject({ tier: undefined, onSelectFolder: undefined });
  });

  it('toAdobeFolder names the repository by its host', () => {
    expect(toAdobeFolder(space, 'https://author-p1-e2.adobeaemcloud.com')['repo:repositoryId']).toBe('author-p1-e2.adobeaemcloud.com');
  });
});
