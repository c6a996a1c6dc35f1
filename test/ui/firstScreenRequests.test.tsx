// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSelector, uiSuite } from './uiFixture.tsx';

const suite = uiSuite(undefined, { width: 1000, height: 600 });

/** jsdom has no ResizeObserver: this one reports each element once, as a browser does after its first layout. */
class FirstLayoutObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}

describe('the first screen of thumbnails, with the real selector and emulator', () => {
  const created: HTMLImageElement[] = [];
  /** What each image was given through its `srcset` and `sizes` properties (taken away later). */
  const given = new WeakMap<HTMLImageElement, { srcset?: string; sizes?: string }>();
  const createElement = document.createElement;
  const properties = (['srcset', 'sizes'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, name)!] as const);
  beforeEach(() => {
    for (const [name, descriptor] of properties) {
      Object.defineProperty(HTMLImageElement.prototype, name, {
        ...descriptor,
        set(this: HTMLImageElement, value: string) {
          given.set(this, { ...given.get(this), [name]: value });
          descriptor.set!.call(this, value);
        },
      });
    }
    (window as { ResizeObserver?: unknown }).ResizeObserver = FirstLayoutObserver;
    document.createElement = function (this: Document, name: string, options?: ElementCreationOptions) {
      const element = createElement.call(this, name, options);
      if (element instanceof HTMLImageElement) created.push(element);
      return element;
    } as typeof document.createElement;
  });
  afterEach(() => {
    for (const [name, descriptor] of properties) Object.defineProperty(HTMLImageElement.prototype, name, descriptor);
    delete (window as { ResizeObserver?: unknown }).ResizeObserver;
    document.createElement = createElement;
    created.length = 0;
  });

  it('is requested as the first page arrives, before any card exists, with the sources the cards then show', async () => {
    renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    const cards = screen.getAllByRole('gridcell').map((cell) => cell.querySelector<HTMLImageElement>('img.as-thumb-img')).filter((img) => img !== null);
    // 1000 × 600: three rows of five in view and one below; the sample's documents and video show otherwise.
    expect(cards.length).toBeGreaterThanOrEqual(15);
    const ahead = created.filter((img) => !img.isConnected);
    expect(ahead.length).toBeGreaterThanOrEqual(15);
    // Every one asked for ahead before the first card's image was made.
    const firstCard = created.indexOf(cards[0]!);
    expect(ahead.every((img) => created.indexOf(img) < firstCard)).toBe(true);
    // Each card shows exactly what was asked for ahead (so the browser finds it in its memory cache).
    const asked = new Set(ahead.map((img) => `${given.get(img)?.srcset} | ${given.get(img)?.sizes}`));
    expect(asked.size).toBe(ahead.length);
    for (const card of cards) expect(asked).toContain(`${card.getAttribute('srcset')} | ${card.getAttribute('sizes')}`);
    // Shown, the cards hold the requests: the ones asked for ahead let go of theirs.
    await waitFor(() => expect(ahead.filter((img) => img.hasAttribute('src'))).toEqual([]));
  });

  it("starts the grid at the size the skeletons measured: no card's thumbnail changes its sources once it is in the page", async () => {
    const changed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const img = record.target as Element;
        const now = img.getAttribute(record.attributeName!);
        // React sets an image's `src` once more after it is in the page, to the same value.
        if (img.classList.contains('as-thumb-img') && record.oldValue !== null && record.oldValue !== now) changed.push(`${record.attributeName}: ${record.oldValue} → ${now}`);
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['sizes', 'srcset', 'src'] });
    renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    expect(screen.getAllByRole('gridcell').length).toBeGreaterThanOrEqual(15);
    observer.disconnect();
    // Started at no size, its first render was one card 168 px wide, whose image was then given the real width.
    expect(changed).toEqual([]);
  });
});
