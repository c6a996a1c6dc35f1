// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mount, type SelectorHandle } from '../../src/embed/mount.ts';
import { defineAssetSelectorElement } from '../../src/embed/assetSelectorElement.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { stubLayout } from '../ui/uiFixture.tsx';

/**
 * mount() with the real UI against a real emulator: options validation, update(), open/close,
 * the selection payload, and unmount() leaving nothing behind.
 */
let emulator: TestEmulator;
let restoreLayout: () => void;
const realSetTimeout = globalThis.setTimeout;

beforeAll(async () => {
  emulator = await startTestEmulator();
  // jsdom does no layout: the grid's scroller gets a size, so the virtualized grid renders rows.
  restoreLayout = stubLayout();
});

afterAll(async () => {
  restoreLayout();
  await emulator.close();
});

const handles: SelectorHandle[] = [];
afterEach(() => {
  act(() => handles.splice(0).forEach((h) => h.unmount()));
  document.body.replaceChildren();
});

function host(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  return el;
}

function mountIn(el: Element, options: Parameters<typeof mount>[1]): SelectorHandle {
  let handle!: SelectorHandle;
  act(() => {
    handle = mount(el, options);
  });
  handles.push(handle);
  return handle;
}

/** Polls (with real timers, outside React) until `check` returns something truthy. */
async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await act(() => new Promise<void>((done) => realSetTimeout(done, 20)));
  }
}

/** The shadow root mount() renders into: in a container of its own inside `el`. */
const inside = (el: Element): ShadowRoot => el.querySelector('[data-asset-selector-mount]')!.shadowRoot!;
const cells = (el: Element | ShadowRoot) => [...(el instanceof ShadowRoot ? el : inside(el)).querySelectorAll<HTMLElement>('[role="gridcell"]')];

describe('mount()', () => {
  it.each([
    [{}, /"repository"/],
    [{ repository: 'not a url' }, /"repository"/],
    [{ repository: 'http://repo.test', selectionType: 'many' }, /"selectionType"/],
    [{ repository: 'http://repo.test', token: 42 }, /"token"/],
    [{ repository: 'http://repo.test', onSelect: 'x' }, /"onSelect"/],
  ])('throws a TypeError naming the option for %j, and leaves the element untouched', (options, message) => {
    const el = host();
    expect(() => mount(el, options as never)).toThrow(TypeError);
    expect(() => mount(el, options as never)).toThrow(message);
    expect(el.childNodes).toHaveLength(0);
  });

  it('throws a TypeError when el is not an Element', () => {
    for (const el of [null, undefined, 'div', document, document.createTextNode('x')]) {
      expect(() => mount(el as never, { repository: emulator.url })).toThrow(/needs a DOM Element as "el"/);
    }
  });

  it('throws when the element already holds a selector, and allows a new one after unmount()', () => {
    const el = host();
    const first = mountIn(el, { repository: emulator.url });
    expect(() => mount(el, { repository: emulator.url })).toThrow(/already holds a selector/);
    act(() => first.unmount());
    mountIn(el, { repository: emulator.url });
  });

  it('renders the selector into a shadow root of its own, with its styles there and none in the document', async () => {
    const a = host();
    const b = host();
    mountIn(a, { repository: emulator.url });
    mountIn(b, { repository: emulator.url });
    expect(a.querySelector('section')).toBeNull();
    expect(inside(a).querySelector('section[aria-label="Asset selector"]')).not.toBeNull();
    // jsdom has no adoptedStyleSheets: the <style> fallback shows where the styles went.
    expect(inside(a).querySelectorAll('style[data-asset-selector]')).toHaveLength(1);
    expect(inside(b).querySelectorAll('style[data-asset-selector]')).toHaveLength(1);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    await waitFor(() => cells(a).length > 0 && cells(b).length > 0, 'results in both selectors');
  });

  it('update() merges and re-validates; a rejected update changes nothing', async () => {
    const el = host();
    const handle = mountIn(el, { repository: emulator.url, selectionType: 'multiple' });
    expect(() => handle.update({ selectionType: 'many' as never })).toThrow(/"selectionType"/);
    expect(() => handle.update({ token: 42 as never })).toThrow(/"token"/);
    expect(() => handle.update(null as never)).toThrow(TypeError);
    await waitFor(() => inside(el).querySelector('[role="grid"][aria-multiselectable="true"]'), 'a multi-select grid');

    act(() => handle.update({ mode: 'modal' }));
    expect(inside(el).querySelector('dialog')).toBeNull();
    act(() => handle.open());
    // The first modal on a page shows once its frame (a part: ui/lazyParts.ts) is here.
    await waitFor(() => inside(el).querySelector('dialog[aria-label="Asset selector"][open]'), 'the dialog');
    act(() => handle.close());
    expect(inside(el).querySelector('dialog')).toBeNull();
  });

  it('confirm() and cancel() do what Select and Cancel do: a modal closes, then the callback', async () => {
    const el = host();
    const calls: string[] = [];
    const handle = mountIn(el, {
      repository: emulator.url,
      mode: 'modal',
      onSelect: (assets) => calls.push(`select ${assets.length}`),
      onClose: () => calls.push('close'),
    });
    act(() => handle.open());
    act(() => handle.cancel());
    expect(calls).toEqual(['close']);
    expect(inside(el).querySelector('dialog')).toBeNull();

    act(() => handle.open());
    act(() => handle.confirm());
    expect(calls).toEqual(['close']);
    const cell = await waitFor(() => cells(el)[0], 'results in the dialog');
    act(() => cell.click());
    act(() => handle.confirm());
    expect(calls).toEqual(['close', 'select 1']);
    expect(inside(el).querySelector('dialog')).toBeNull();
    expect(handle.getSelection()).toHaveLength(1);
  });

  it('getSelection() and onSelectionChange carry SelectedAssets; two selectors on a page are independent', async () => {
    const a = host();
    const b = host();
    const changes: unknown[][] = [];
    const first = mountIn(a, { repository: emulator.url, selectionType: 'multiple', onSelectionChange: (assets) => changes.push(assets) });
    const second = mountIn(b, { repository: emulator.url, selectionType: 'multiple' });
    const cell = await waitFor(() => cells(a).find((c) => c.dataset.kind === 'image'), 'an image in the results');
    await waitFor(() => cells(b).length > 0, 'results in the second selector');

    act(() => cell!.click());
    expect(cell!.getAttribute('aria-selected')).toBe('true');
    const selection = first.getSelection();
    expect(selection).toHaveLength(1);
    expect(selection[0]).toMatchObject({ kind: 'image', url: expect.stringMatching(new RegExp(`^${emulator.url}/adobe/assets/urn:aaid:aem:`)) });
    expect(cell!.getAttribute('aria-label')).toMatch(new RegExp(`^${selection[0]!.title}`));
    expect(changes).toEqual([selection]);

    expect(second.getSelection()).toEqual([]);
    expect(cells(b).filter((c) => c.getAttribute('aria-selected') === 'true')).toHaveLength(0);
  });

  it('unmount() empties the element, leaves no timers behind, is idempotent, and the handle then refuses', async () => {
    const pending = new Set<unknown>();
    const original = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, setInterval: window.setInterval, clearInterval: window.clearInterval };
    // Track every timer the selector starts (debounces, retries, preview delays).
    // Node's fetch (undici) keeps its sockets' timers on the same global: those belong to the test's
    // HTTP client, not to the selector, and are told apart by where they were started.
    const fromNodeInternals = () => /node:internal\/deps\/undici/.test(new Error().stack ?? '');
    window.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
      const id = original.setTimeout(() => {
        pending.delete(id);
        fn(...(args as []));
      }, ms);
      if (!fromNodeInternals()) pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id: number) => {
      pending.delete(id);
      original.clearTimeout(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((fn: () => void, ms?: number) => {
      const id = original.setInterval(fn, ms);
      if (!fromNodeInternals()) pending.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id: number) => {
      pending.delete(id);
      original.clearInterval(id);
    }) as typeof window.clearInterval;
    try {
      const el = host();
      el.innerHTML = '<p>host content</p>';
      const handle = mountIn(el, { repository: emulator.url, selectionType: 'multiple' });
      await waitFor(() => cells(el).length > 0, 'results');
      // Type into the search box so that a debounce is in flight as well.
      const input = inside(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      act(() => {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, 'kite');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(pending.size).toBeGreaterThan(0);

      act(() => handle.unmount());
      expect(el.innerHTML).toBe('<p>host content</p>');
      await new Promise((done) => original.setTimeout(done, 50));
      expect([...pending]).toEqual([]);

      act(() => handle.unmount());
      expect(() => handle.getSelection()).toThrow(/after unmount\(\)/);
      expect(() => handle.update({ mode: 'modal' })).toThrow(/after unmount\(\)/);
      expect(() => handle.open()).toThrow(/after unmount\(\)/);
      expect(() => handle.confirm()).toThrow(/after unmount\(\)/);
    } finally {
      Object.assign(window, original);
    }
  });
});

describe('<asset-selector> with the real UI', () => {
  it('mounts into a shadow root in its own, with the styles there, and unmounts when removed', async () => {
    defineAssetSelectorElement();
    const el = document.createElement('asset-selector');
    el.setAttribute('selection-type', 'multiple');
    el.setAttribute('color-scheme', 'dark');
    el.repository = emulator.url;
    const documentStyles = document.querySelectorAll('style[data-asset-selector]').length;
    act(() => document.body.append(el));
    await act(() => Promise.resolve());
    const shadow = inside(el.shadowRoot!.querySelector('.as-mount-point')!);
    expect(shadow.querySelectorAll('style[data-asset-selector]')).toHaveLength(1);
    expect(document.querySelectorAll('style[data-asset-selector]')).toHaveLength(documentStyles);
    expect(shadow.querySelector('[aria-label="Asset selector"]')?.getAttribute('data-color-scheme')).toBe('dark');
    await waitFor(() => cells(shadow).length > 0, 'results in the shadow root');

    const events: string[] = [];
    document.body.addEventListener('selectionchange', (event) => events.push(`${event.type}:${(event as CustomEvent).detail.assets.length}`));
    act(() => cells(shadow)[0]!.click());
    expect(events).toEqual(['selectionchange:1']);
    expect(el.getSelection()).toHaveLength(1);

    act(() => el.remove());
    await act(() => Promise.resolve());
    expect(el.shadowRoot!.querySelector('[data-asset-selector-mount]')).toBeNull();
  });
});
