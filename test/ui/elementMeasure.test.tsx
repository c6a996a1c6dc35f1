// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useElementMeasure, useElementSize } from '../../src/ui/useElementSize.ts';

/** A ResizeObserver the test drives: `resize(width, height)` sets the client size and tells every observer. */
let width = 0;
let height = 0;
const observers = new Set<() => void>();
const resize = (w: number, h: number) => {
  width = w;
  height = h;
  act(() => observers.forEach((notify) => notify()));
};

const originals = {
  width: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  height: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  observer: globalThis.ResizeObserver,
};

beforeEach(() => {
  width = 1000;
  height = 600;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  globalThis.ResizeObserver = class {
    private readonly notify: () => void;
    constructor(callback: ResizeObserverCallback) {
      this.notify = () => callback([], this as unknown as ResizeObserver);
    }
    observe() {
      observers.add(this.notify);
    }
    unobserve() {}
    disconnect() {
      observers.delete(this.notify);
    }
  } as unknown as typeof ResizeObserver;
});

afterEach(() => {
  observers.clear();
  for (const [name, descriptor] of [['clientWidth', originals.width], ['clientHeight', originals.height]] as const) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
  globalThis.ResizeObserver = originals.observer;
});

const isNarrow = (w: number) => w > 0 && w < 720;

/** What the children of a measuring component saw, render by render: the hook's own component may be run again by React before it bails out, its children are not. */
const seen: string[] = [];
function Inside({ value }: { value: string }) {
  seen.push(value);
  return null;
}

beforeEach(() => {
  seen.length = 0;
});

describe('useElementMeasure', () => {
  it('renders what is inside again only when what it derives from the size changes', () => {
    function Layout() {
      const ref = useRef<HTMLDivElement>(null);
      const narrow = useElementMeasure(ref, isNarrow);
      return (
        <div ref={ref} data-narrow={narrow}>
          <Inside value={String(narrow)} />
        </div>
      );
    }
    const { container } = render(<Layout />);
    // Read as it mounts: 1000 px is not narrow, which is what it rendered with, so once.
    expect(seen).toEqual(['false']);
    resize(1001, 600);
    resize(900, 400);
    expect(seen).toEqual(['false']);
    resize(700, 400);
    expect(seen).toEqual(['false', 'true']);
    expect(container.firstElementChild!.getAttribute('data-narrow')).toBe('true');
    resize(650, 400);
    expect(seen).toEqual(['false', 'true']);
  });

  it('useElementSize renders what is inside again for every new size, and not for the same one', () => {
    function Grid() {
      const ref = useRef<HTMLDivElement>(null);
      const size = useElementSize(ref);
      return (
        <div ref={ref}>
          <Inside value={`${size.width}x${size.height}`} />
        </div>
      );
    }
    render(<Grid />);
    expect(seen).toEqual(['0x0', '1000x600']);
    resize(1000, 600);
    expect(seen).toEqual(['0x0', '1000x600']);
    resize(1001, 600);
    expect(seen).toEqual(['0x0', '1000x600', '1001x600']);
  });

  it('a resize to the size it has, as the observer reports on observing, does not run the component again', () => {
    let renders = 0;
    function Skeleton() {
      renders++;
      const ref = useRef<HTMLDivElement>(null);
      const size = useElementSize(ref);
      return <div ref={ref} data-width={size.width} />;
    }
    render(<Skeleton />);
    // Rendered, then measured as it mounted: twice.
    expect(renders).toBe(2);
    resize(1000, 600);
    resize(1000, 600);
    expect(renders).toBe(2);
    resize(1001, 600);
    expect(renders).toBe(3);
  });
});
