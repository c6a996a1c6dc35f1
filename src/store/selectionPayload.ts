import type { SelectedAsset } from '../core/types.ts';
import { toSelectedAsset } from '../core/toSelectedAsset.ts';
import type { SelectorState } from './createSelectorStore.ts';

/**
 * What `onSelect`, `onSelectionChange` and `getSelection()` hand to the host: one SelectedAsset per
 * chosen asset, in the order they were chosen, with the delivery modifiers and format the editor gave each.
 */
export function selectionPayload(state: Pick<SelectorState, 'selection' | 'options'>): SelectedAsset[] {
  const { repository, imageFormat } = state.options;
  return [...state.selection.values()].map((entry) => ({
    ...toSelectedAsset(entry.asset, { repository, imageFormat: entry.format ?? imageFormat, modifiers: entry.modifiers }),
    ...(entry.collectionId ? { collectionId: entry.collectionId } : {}),
  }));
}
