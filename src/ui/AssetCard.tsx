import { memo, type Ref } from 'react';
import type { AssetSummary } from '../core/types.ts';
import type { ViewMode } from '../store/createSelectorStore.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { cardName, dimensionsLabel, formatLabel } from './assetLabels.ts';
import { AssetThumbnail } from './AssetThumbnail.tsx';
import { useTranslator } from './useTranslator.ts';
import { dragAssets } from './dragAssets.ts';

export interface AssetCardProps {
  asset: AssetSummary;
  /** 1-based column, for `aria-colindex`. */
  colIndex: number;
  /** Whether this cell is the grid's one tab stop (roving tabindex). */
  tabStop: boolean;
  view: ViewMode;
  thumbWidth: number;
  /** The tab stop's element, for the grid to focus after a keyboard move. */
  cellRef?: Ref<HTMLDivElement> | undefined;
}

/**
 * One grid cell. It subscribes to its own selection state only, so toggling one asset re-renders
 * one card; everything else arrives as props that stay equal while the grid scrolls.
 */
export const AssetCard = memo(function AssetCard({ asset, colIndex, tabStop, view, thumbWidth, cellRef }: AssetCardProps) {
  const store = useSelectorStore();
  const t = useTranslator();
  const id = asset.assetId;
  const selected = useSelector((s) => s.selection.has(id));
  const draggable = useSelector((s) => s.options.dragData !== undefined);
  const dimensions = dimensionsLabel(t, asset);
  const format = asset.mimeType ? formatLabel(t, asset.mimeType) : undefined;
  return (
    <div
      ref={cellRef}
      role="gridcell"
      aria-colindex={colIndex}
      aria-selected={selected}
      aria-label={cardName(t, asset)}
      tabIndex={tabStop ? 0 : -1}
      className="as-card"
      data-state={selected ? 'checked' : 'unchecked'}
      data-kind={asset.kind}
      draggable={draggable || undefined}
      onDragStart={draggable ? (event) => dragAssets(store.getState(), asset, event.dataTransfer) : undefined}
      onClick={() => {
        const state = store.getState();
        state.setFocused(id);
        state.toggle(asset);
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget && store.getState().focusedId !== id) store.getState().setFocused(id);
      }}
    >
      {/* Four elements for a picture's card (styles.css draws the check and its tick): a jump of
          the row window creates a few dozen cards in one task. */}
      <AssetThumbnail asset={asset} cssWidth={thumbWidth} />
      <span className="as-card-title">{asset.title}</span>
      <span className="as-card-meta">
        {[format, dimensions].filter(Boolean).join(' · ')}
        {view === 'list' && asset.size !== undefined && <span className="as-card-extra">{t.bytes(asset.size)}</span>}
        {view === 'list' && asset.createDate && <span className="as-card-extra">{t.date(asset.createDate)}</span>}
      </span>
    </div>
  );
});
