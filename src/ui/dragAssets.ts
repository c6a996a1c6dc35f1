import type { AssetSummary } from '../core/types.ts';
import type { SelectorState } from '../store/createSelectorStore.ts';
import { selectionPayload } from '../store/selectionPayload.ts';

/**
 * A card's drag: the host's `dragData` for the assets dragged (the whole selection when the card
 * is part of it, else the card's own asset, as it would be emitted), written into the drag.
 */
export function dragAssets(state: Pick<SelectorState, 'selection' | 'options'>, asset: AssetSummary, transfer: DataTransfer | null): void {
  const { dragData } = state.options;
  if (!dragData || !transfer) return;
  const selection = state.selection.has(asset.assetId) ? state.selection : new Map([[asset.assetId, { asset, modifiers: {} }]]);
  const data = dragData(selectionPayload({ selection, options: state.options }));
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  transfer.effectAllowed = 'copy';
}
