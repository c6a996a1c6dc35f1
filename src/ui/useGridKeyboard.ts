import { useCallback, type KeyboardEvent } from 'react';
import { nextGridIndex, type GridShape } from './gridNavigation.ts';

export interface GridKeyboardOptions extends GridShape {
  /** The active cell (the one tab stop). */
  activeIndex: number;
  /** Make `index` the active cell, scroll it into view and focus it. */
  onMove(index: number): void;
  /** Space / Enter on the active cell. */
  onToggle(index: number): void;
}

/** The grid's keydown handler: arrows (mirrored right to left), Home/End, Ctrl+Home/End, PageUp/PageDown move; Space/Enter toggle. */
export function useGridKeyboard({ count, columns, pageRows, activeIndex, onMove, onToggle }: GridKeyboardOptions) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.defaultPrevented) return;
      // Keys typed into a control inside a cell belong to that control.
      const target = event.target as HTMLElement;
      if (target.getAttribute('role') !== 'gridcell') return;
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        if (count > 0) onToggle(activeIndex);
        return;
      }
      // Right to left, the row runs from the right: the arrows keep their visual meaning.
      const mirrored = event.key.startsWith('Arrow') && getComputedStyle(event.currentTarget).direction === 'rtl';
      const key = mirrored && event.key === 'ArrowLeft' ? 'ArrowRight' : mirrored && event.key === 'ArrowRight' ? 'ArrowLeft' : event.key;
      const next = nextGridIndex({ key, ctrlKey: event.ctrlKey, metaKey: event.metaKey }, activeIndex, { count, columns, pageRows });
      if (next === undefined) return;
      event.preventDefault();
      onMove(next);
    },
    [count, columns, pageRows, activeIndex, onMove, onToggle],
  );
}
