import type { FolderEntry } from '../core/folderListing.ts';
import { asSelectorError } from '../core/selectorError.ts';
import type { SelectorState } from './createSelectorStore.ts';
import { selectionPayload } from './selectionPayload.ts';

/**
 * The only place the selector calls the host's callbacks (`onSelect`, `onSelectionChange`,
 * `onClose`, `onError`). The store's intents call these, always after the change they report is
 * in place, so a callback sees the state it is told about, and whatever it does to the selector
 * (reopen it, update it, unmount it) is not undone afterwards:
 *
 * - Select (`confirm()`): a modal selector closes, then `onSelect(assets)`. Select never calls `onClose`.
 * - A folder picker's Select (`confirmFolder()`): a modal closes, then `onSelectFolder(folder)`.
 * - Cancel and Esc (`cancel()`): a modal selector closes, then `onClose()`.
 * - `open()` / `close()` (the host's own calls): no callback.
 * - Any change of the selection: the new selection is in place, then `onSelectionChange(assets)`.
 * - An error the person is shown: `onError(error)`, once per failure.
 *
 * Callbacks are read from the options at the moment they fire, so `update()` takes effect at once.
 */
export const hostEvents = {
  confirmed(state: SelectorState): void {
    state.options.onSelect?.(selectionPayload(state));
  },
  cancelled(state: SelectorState): void {
    state.options.onClose?.();
  },
  selectionChanged(state: SelectorState): void {
    state.options.onSelectionChange?.(selectionPayload(state));
  },
  folderChosen(state: SelectorState, folder: FolderEntry): void {
    state.options.onSelectFolder?.({ path: folder.path, name: folder.name, title: folder.title });
  },
  failed(state: SelectorState, error: unknown): void {
    state.options.onError?.(asSelectorError(error));
  },
};
