import { useState, type KeyboardEvent } from 'react';

/** The attribute that marks the items a roving tab stop moves over. */
const ITEM = 'data-roving-item';

/**
 * One tab stop for a group of controls (the facet checkboxes of a filter group, the view
 * buttons): only the active item is in the tab order, and arrow keys, Home and End move focus
 * among the items (right and left follow the reading direction). Space and Enter stay the
 * controls' own. The item last focused, by keyboard or pointer, stays the stop.
 */
export function useRovingTabStop(count: number, initial: number) {
  const [active, setActive] = useState<number | undefined>(undefined);
  const stop = Math.min(Math.max(0, active ?? initial), Math.max(0, count - 1));
  return {
    itemProps: (index: number) => ({
      [ITEM]: '',
      tabIndex: index === stop ? 0 : -1,
      onFocus: () => setActive(index),
    }),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${ITEM}]`)];
      const current = items.indexOf(event.target as HTMLElement);
      if (current < 0) return;
      const { forward, back } = readingArrows(event.currentTarget);
      const next = moveInList(event.key, current, items.length, forward, back);
      if (next === undefined) return;
      event.preventDefault();
      setActive(next);
      items[next]!.focus();
    },
  };
}

/** The arrow keys that go forward and back in `element`'s reading direction. */
export function readingArrows(element: Element): { forward: string; back: string } {
  return getComputedStyle(element).direction === 'rtl' ? { forward: 'ArrowLeft', back: 'ArrowRight' } : { forward: 'ArrowRight', back: 'ArrowLeft' };
}

/** The item a list key moves to from `current` of `count` (down or `forward`, up or `back`, Home, End); undefined for other keys. */
export function moveInList(key: string, current: number, count: number, forward?: string, back?: string): number | undefined {
  if (key === 'ArrowDown' || key === forward) return Math.min(current + 1, count - 1);
  if (key === 'ArrowUp' || key === back) return Math.max(current - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
