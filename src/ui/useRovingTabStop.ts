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
      const forward = getComputedStyle(event.currentTarget).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
      let next: number | undefined;
      if (event.key === 'ArrowDown' || event.key === forward) next = Math.min(current + 1, items.length - 1);
      else if (event.key === 'ArrowUp' || event.key === back) next = Math.max(current - 1, 0);
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = items.length - 1;
      if (next === undefined) return;
      event.preventDefault();
      setActive(next);
      items[next]!.focus();
    },
  };
}
