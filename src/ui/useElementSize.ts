import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

const sameSize = (a: ElementSize, b: ElementSize) => a.width === b.width && a.height === b.height;
const asSize = (width: number, height: number): ElementSize => ({ width, height });

/**
 * The element's client size, kept current with a ResizeObserver (read once, plus window resizes,
 * where there is none). Client size is what the virtualizer reads too, so both agree. `initial`
 * (0 × 0 if none) is what it is before it is read: a good guess spares a render.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, initial?: ElementSize): ElementSize {
  return useElementMeasure(ref, asSize, sameSize, initial);
}

/**
 * What `derive` makes of the element's client size (`initial`, or what it makes of 0 × 0, until
 * it is read), kept current like
 * useElementSize; the component re-renders only when that changes. A layout that only asks "is
 * it narrower than 720 px?" is not rendered again, with everything in it, when its width is first
 * read or changes by a pixel.
 */
export function useElementMeasure<T>(
  ref: RefObject<HTMLElement | null>,
  derive: (width: number, height: number) => T,
  same: (a: T, b: T) => boolean = Object.is,
  initial?: T,
): T {
  const [value, setValue] = useState<T>(() => initial ?? derive(0, 0));
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // What it holds, from here on set only here: a report of the same size (the observer's first,
    // as it starts observing) asks nothing of React, which would run the component again to bail out.
    let last = value;
    const read = () => {
      const next = derive(element.clientWidth, element.clientHeight);
      if (same(last, next)) return;
      last = next;
      setValue(next);
    };
    read();
    const view = element.ownerDocument.defaultView;
    if (!view) return;
    if (typeof view.ResizeObserver === 'function') {
      const observer = new view.ResizeObserver(read);
      observer.observe(element);
      return () => observer.disconnect();
    }
    view.addEventListener('resize', read);
    return () => view.removeEventListener('resize', read);
    // `derive`, `same` and the value held are taken as the effect starts: callers pass module-level
    // functions, and only this effect changes the value.
  }, [ref]);
  return value;
}
