// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SelectorOptions } from '../../src/core/options.ts';
import type { SelectedAsset } from '../../src/core/types.ts';

/**
 * The element's own logic (attributes and properties → options, lifecycle → mount/update/unmount,
 * callbacks → events), with mount() replaced by a recorder so each step is observable. The real
 * mount() inside a real shadow root is covered in mount.test.tsx and the end-to-end tests.
 */
const calls = vi.hoisted(() => ({
  mounts: [] as Array<{ el: Element; options: SelectorOptions }>,
  updates: [] as SelectorOptions[],
  unmounts: 0,
  opens: 0,
  intents: [] as string[],
}));

vi.mock('../../src/embed/mount.ts', () => ({
  mount: (el: Element, options: SelectorOptions) => {
    calls.mounts.push({ el, options });
    return {
      update: (partial: SelectorOptions) => calls.updates.push(partial),
      open: () => calls.opens++,
      close: () => undefined,
      confirm: () => calls.intents.push('confirm'),
      cancel: () => calls.intents.push('cancel'),
      getSelection: () => [asset('current')],
      unmount: () => calls.unmounts++,
    };
  },
}));

const { defineAssetSelectorElement } = await import('../../src/embed/assetSelectorElement.ts');

function asset(title: string): SelectedAsset {
  return {
    assetId: `urn:aaid:aem:${title}`,
    name: `${title}.jpg`,
    title,
    mimeType: 'image/jpeg',
    kind: 'image',
    url: `http://repo.test/adobe/assets/urn:aaid:aem:${title}/as/${title}.avif`,
    modifiers: {},
    originalUrl: `http://repo.test/adobe/assets/urn:aaid:aem:${title}/original/as/${title}.jpg`,
    repositoryMetadata: {},
    assetMetadata: {},
  };
}

const tick = () => new Promise<void>((done) => queueMicrotask(done));

beforeAll(() => {
  defineAssetSelectorElement();
});

afterEach(async () => {
  document.body.replaceChildren();
  await tick(); // the removed elements unmount in a microtask
  calls.mounts.length = 0;
  calls.updates.length = 0;
  calls.unmounts = 0;
  calls.opens = 0;
  calls.intents.length = 0;
});

describe('<asset-selector>', () => {
  it('maps its attributes to options and mounts inside an open shadow root once connected with a repository', () => {
    const el = document.createElement('asset-selector');
    el.setAttribute('repository', 'http://repo.test');
    el.setAttribute('search-url', 'http://author.test/adobe/assets/search');
    el.setAttribute('api-key', 'key-1');
    el.setAttribute('selection-type', 'multiple');
    el.setAttribute('mode', 'modal');
    el.setAttribute('image-format', 'webp');
    el.setAttribute('locale', 'de-DE');
    el.setAttribute('color-scheme', 'dark');
    el.setAttribute('editor', 'false');
    expect(calls.mounts).toHaveLength(0);
    document.body.append(el);

    expect(calls.mounts).toHaveLength(1);
    const { el: target, options } = calls.mounts[0]!;
    expect(el.shadowRoot?.mode).toBe('open');
    expect(el.shadowRoot?.contains(target)).toBe(true);
    expect(options).toMatchObject({
      repository: 'http://repo.test',
      searchUrl: 'http://author.test/adobe/assets/search',
      apiKey: 'key-1',
      selectionType: 'multiple',
      mode: 'modal',
      imageFormat: 'webp',
      locale: 'de-DE',
      colorScheme: 'dark',
      editor: false,
    });
    expect(el.repository).toBe('http://repo.test');
    expect(el.editor).toBe(false);
  });

  it('does not mount without a repository, and mounts when one arrives as a property', async () => {
    const el = document.createElement('asset-selector');
    document.body.append(el);
    expect(calls.mounts).toHaveLength(0);
    el.repository = 'http://repo.test';
    await tick();
    expect(calls.mounts).toHaveLength(1);
  });

  it('takes object options as properties and batches several changes into one update', async () => {
    const el = document.createElement('asset-selector');
    el.setAttribute('repository', 'http://repo.test');
    document.body.append(el);
    const token = () => 'dev-token';
    const query = [{ term: { 'assetMetadata.xcm:keywords': ['space'] } }];
    const filters = [{ id: 'kind', label: 'Kind', type: 'kind' as const }];
    el.token = token;
    el.query = query;
    el.filters = filters;
    el.setAttribute('selection-type', 'single');
    expect(calls.updates).toHaveLength(0);
    await tick();
    expect(calls.updates).toHaveLength(1);
    expect(calls.updates[0]).toMatchObject({ repository: 'http://repo.test', token, query, filters, selectionType: 'single' });
    expect(el.query).toBe(query);

    el.removeAttribute('selection-type');
    el.query = undefined;
    await tick();
    expect(calls.updates[1]).not.toHaveProperty('selectionType');
    expect(calls.updates[1]).not.toHaveProperty('query');
  });

  it('turns the selector callbacks into select, selectionchange and close events with detail.assets (bubbling, composed)', () => {
    const el = document.createElement('asset-selector');
    el.setAttribute('repository', 'http://repo.test');
    const onSelect = vi.fn();
    el.onSelect = onSelect;
    document.body.append(el);
    const seen: Array<{ type: string; assets: SelectedAsset[]; bubbles: boolean; composed: boolean }> = [];
    for (const type of ['select', 'selectionchange', 'close']) {
      document.body.addEventListener(type, (event) => {
        const { detail, bubbles, composed } = event as CustomEvent<{ assets: SelectedAsset[] }>;
        seen.push({ type, assets: detail.assets, bubbles, composed });
      });
    }
    const { options } = calls.mounts[0]!;
    const chosen = [asset('kite'), asset('astronaut')];
    options.onSelectionChange!(chosen);
    options.onSelect!(chosen);
    options.onClose!();

    expect(seen).toEqual([
      { type: 'selectionchange', assets: chosen, bubbles: true, composed: true },
      { type: 'select', assets: chosen, bubbles: true, composed: true },
      { type: 'close', assets: [asset('current')], bubbles: true, composed: true },
    ]);
    // A callback set as a property is called as well as the event.
    expect(onSelect).toHaveBeenCalledWith(chosen);
  });

  it('unmounts when removed, but survives being moved within the page', async () => {
    const el = document.createElement('asset-selector');
    el.setAttribute('repository', 'http://repo.test');
    const first = document.createElement('div');
    const second = document.createElement('div');
    document.body.append(first, second);
    first.append(el);
    second.append(el); // a move: disconnected and reconnected in the same task
    await tick();
    expect(calls.mounts).toHaveLength(1);
    expect(calls.unmounts).toBe(0);
    el.remove();
    await tick();
    expect(calls.unmounts).toBe(1);
  });

  it('delegates open(), confirm(), cancel() and getSelection() to the mounted selector (open() before mounting opens on mount)', async () => {
    const el = document.createElement('asset-selector');
    expect(el.getSelection()).toEqual([]);
    el.open();
    document.body.append(el);
    el.setAttribute('repository', 'http://repo.test');
    await tick();
    expect(calls.opens).toBe(1);
    expect(el.getSelection()).toEqual([asset('current')]);
    el.confirm();
    el.cancel();
    expect(calls.intents).toEqual(['confirm', 'cancel']);
  });

  it('takes properties set before the element was defined', () => {
    const early = document.createElement('early-selector') as HTMLElement & { repository?: string; selectionType?: string };
    early.repository = 'http://repo.test';
    early.selectionType = 'multiple';
    document.body.append(early);
    defineAssetSelectorElement('early-selector');
    expect(calls.mounts).toHaveLength(1);
    expect(calls.mounts[0]!.options).toMatchObject({ repository: 'http://repo.test', selectionType: 'multiple' });
  });

  it('defineAssetSelectorElement is idempotent', () => {
    const first = defineAssetSelectorElement();
    expect(defineAssetSelectorElement()).toBe(first);
    expect(customElements.get('asset-selector')).toBe(first);
    const other = defineAssetSelectorElement('other-selector');
    expect(other).not.toBe(first);
    expect(defineAssetSelectorElement('other-selector')).toBe(other);
  });
});
