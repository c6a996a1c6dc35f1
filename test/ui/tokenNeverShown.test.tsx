// @vitest-environment jsdom
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type SelectorHandle } from '../../src/embed/mount.ts';
import { stubObjectUrls } from './editorFixture.tsx';
import { SLOW_LOAD, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
const TOKEN = 'dev-token-marketing';
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Every attribute, text, and form value in `root`, shadow roots included, as "where: text" lines. */
function everythingShown(root: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) found.push(`text: ${node.nodeValue ?? ''}`);
    if (node instanceof Element) {
      for (const attribute of node.attributes) found.push(`${node.localName}[${attribute.name}]: ${attribute.value}`);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) found.push(`${node.localName}.value: ${node.value}`);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return found;
}

function storageContents(): string[] {
  const entries: string[] = [`cookie: ${document.cookie}`];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) entries.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
  }
  return entries;
}

let objectUrls: ReturnType<typeof stubObjectUrls>;
const consoleLines: string[] = [];
beforeEach(() => {
  objectUrls = stubObjectUrls();
  for (const method of CONSOLE_METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(`${method}: ${args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''} ${String(a.cause)}` : typeof a === 'string' ? a : safeJson(a))).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  objectUrls.restore();
  consoleLines.length = 0;
});

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// Browses, opens the details and the editor, and selects: many renders in jsdom.
describe('the token is never shown', { timeout: 60_000 }, () => {
  it('not in the DOM (attributes, text, values, shadow roots), storage or the console, after browsing, the details, the editor and Select', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const target = document.createElement('div');
    shadow.append(target);
    const onSelect = vi.fn();
    let handle!: SelectorHandle;
    act(() => {
      handle = mount(target, { repository: suite.emulator.url, token: TOKEN, selectionType: 'multiple', onSelect, onError: (error) => console.error(error) });
    });
    const user = userEvent.setup();
    // mount() renders into a shadow root of its own (inside the host's, here).
    const ui = within(target.querySelector('[data-asset-selector-mount]')!.shadowRoot! as unknown as HTMLElement);
    try {
      const evening = await ui.findByRole('gridcell', { name: /^Rowing boats at sunset/ });
      await waitFor(() => expect(evening.querySelector('img')!.getAttribute('src')).toMatch(/^blob:/));
      // The details panel, then the editor on the restricted image: preview, backdrop and smart-crop swatches.
      await user.click(evening);
      const details = ui.getByRole('region', { name: 'Details' });
      await within(details).findByText('Rowing boats at sunset');
      await user.click(within(ui.getByRole('region', { name: 'Selected assets' })).getByRole('button', { name: 'Edit' }));
      const editor = await ui.findByRole('region', { name: 'Edit image' }, SLOW_LOAD);
      const preview = await within(editor).findByRole('img', { name: 'Preview' }, SLOW_LOAD);
      await waitFor(() => expect(preview.getAttribute('src')).toMatch(/^blob:/), SLOW_LOAD);
      await within(within(editor).getByRole('radiogroup', { name: 'Smart crop' })).findByRole('radio', { name: 'Square' }, SLOW_LOAD);
      await waitFor(() => {
        const images = [...editor.querySelectorAll('img')];
        expect(images.length).toBeGreaterThanOrEqual(6); // backdrop, four swatches, preview
        for (const img of images) expect(img.getAttribute('src')).toMatch(/^blob:/);
      }, SLOW_LOAD);
      const withEditor = everythingShown(document);
      expect(withEditor.filter((line) => line.includes('blob:')).length).toBeGreaterThanOrEqual(6);
      expect(withEditor.filter((line) => line.includes(TOKEN))).toEqual([]);
      await user.click(within(editor).getByRole('button', { name: 'Apply' }));
      await user.click(ui.getByRole('button', { name: /^Select\b/ }));
      expect(onSelect).toHaveBeenCalledTimes(1);
      expect(onSelect.mock.calls[0]![0][0]).toMatchObject({ requiresAuthorization: true });

      // Whatever the page holds, however it is read: never the token.
      const shown = everythingShown(document);
      expect(shown.filter((line) => line.includes(TOKEN))).toEqual([]);
      expect(storageContents().filter((line) => line.includes(TOKEN))).toEqual([]);
      expect(JSON.stringify(onSelect.mock.calls)).not.toContain(TOKEN);
      expect(consoleLines.filter((line) => line.includes(TOKEN))).toEqual([]);
    } finally {
      act(() => handle.unmount());
      host.remove();
    }
  });

  it('not in the DOM, storage or the console when the repository refuses the token', async () => {
    const onError = vi.fn((error: unknown) => console.error(error));
    const target = document.createElement('div');
    document.body.append(target);
    let handle!: SelectorHandle;
    act(() => {
      handle = mount(target, { repository: suite.emulator.url, token: 'not-a-dev-token-secret-1234', onError });
    });
    try {
      await within(target.querySelector('[data-asset-selector-mount]')!.shadowRoot! as unknown as HTMLElement).findByRole('alert', {}, SLOW_LOAD);
      expect(onError).toHaveBeenCalled();
      const shown = [...everythingShown(document), ...consoleLines, ...storageContents()];
      expect(shown.filter((line) => line.includes('not-a-dev-token-secret-1234'))).toEqual([]);
    } finally {
      act(() => handle.unmount());
      target.remove();
    }
  });
});
