import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, vi } from 'vitest';
import { parseDeliveryUrl } from '../../src/core/parseDeliveryUrl.ts';
import type { SelectorOptions } from '../../src/core/options.ts';
import { renderSelector, SLOW_LOAD } from './uiFixture.tsx';

/**
 * jsdom has no object URLs: stub them (each call a new `blob:` URL), so the preview can load.
 * Returns the spies; restore with vi.restoreAllMocks / the returned function.
 */
export function stubObjectUrls() {
  let n = 0;
  const created = vi.fn((_blob: Blob) => `blob:preview-${++n}`);
  const revoked = vi.fn((_url: string) => {});
  const urlClass = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
  const before = { create: urlClass.createObjectURL, revoke: urlClass.revokeObjectURL };
  urlClass.createObjectURL = created;
  urlClass.revokeObjectURL = revoked;
  return {
    created,
    revoked,
    restore() {
      urlClass.createObjectURL = before.create;
      urlClass.revokeObjectURL = before.revoke;
    },
  };
}

/** The editor's URL text. */
export const urlText = () => (screen.getByLabelText('Delivery URL') as HTMLTextAreaElement).value;
/** The modifiers of the editor's URL. */
export const urlModifiers = () => parseDeliveryUrl(urlText()).modifiers;

/** Renders the selector, selects the images with these titles (searching for each) and opens the editor on the first. */
export async function openEditorOn(options: SelectorOptions, titles: readonly string[] = ['Kite over the hills']) {
  const view = renderSelector({ selectionType: 'multiple', ...options });
  const search = screen.getByRole('searchbox');
  for (const title of titles) {
    await view.user.clear(search);
    await view.user.type(search, title);
    await view.user.click(await screen.findByRole('gridcell', { name: new RegExp(`^${title}`) }));
  }
  const tray = screen.getByRole('region', { name: 'Selected assets' });
  await view.user.click(within(tray).getAllByRole('button', { name: 'Edit' })[0]!);
  const editor = await screen.findByRole('region', { name: 'Edit image' }, SLOW_LOAD);
  // The editor takes focus as it opens (an effect after its first render): a test that focused a
  // control before that lost it to the editor and typed into nothing (CI-flaky editorFlow test).
  await waitFor(() => expect(editor.contains(document.activeElement)).toBe(true));
  return { ...view, editor, tray };
}

/** Sets a <select> or an <input> by its label, as a user would. */
export function change(label: string, value: string) {
  const control = screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
  act(() => {
    fireEvent.change(control, { target: { value } });
  });
}
