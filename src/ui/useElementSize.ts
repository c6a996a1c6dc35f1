import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The element's client size, kept current with a ResizeObserver (read once, plus window resizes,
 * where there is none). Client size is what the virtualizer reads too, so both agree.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const read = () =>
      setSize((previous) => {
        const next = { width: element.clientWidth, height: element.clientHeight };
        return previous.width === next.width && previous.height === next.height ? previous : next;
      });
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
  }, [ref]);
  return size;
}
