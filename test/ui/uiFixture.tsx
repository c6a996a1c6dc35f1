import { act, cleanup, configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, inject, vi, type MockInstance } from 'vitest';
import type { EmulatorOptions } from '../../demo/emulator/server.ts';
import type { TestEmulator } from '../emulator/emulatorFixture.ts';
import type { SelectorOptions } from '../../src/core/options.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore, type SelectorStore } from '../../src/store/createSelectorStore.ts';
import { SelectorRoot } from '../../src/ui/SelectorRoot.tsx';
import { forgetRecentFirstPages } from '../../src/ui/query/recentFirstPages.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// waitFor and findBy* give up after 1 s by default. Test files run in parallel and share the CPU
// (and the emulator renders real images), so an answer can take longer without anything being wrong.
configure({ asyncUtilTimeout: 5000 });

export interface LayoutSize {
  width: number;
  height: number;
}

/**
 * jsdom does no layout. Give the results pane (the scroller, or the skeletons in its place while
 * the first page loads) a client size so the virtualizer and the column count have something to
 * work with, and make `scrollTo` move `scrollTop` and fire
 * `scroll`, as a browser would. Returns the restore function.
 */
export function stubLayout(size: LayoutSize = { width: 1000, height: 600 }): () => void {
  const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const scrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
  const sized = (el: HTMLElement) => el.classList.contains('as-grid-scroll') || el.classList.contains('as-skeletons');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? size.width : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? size.height : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    value(this: Element, options: ScrollToOptions | number, y?: number) {
      const top = typeof options === 'number' ? (y ?? 0) : (options.top ?? this.scrollTop);
      this.scrollTop = top;
      this.dispatchEvent(new Event('scroll'));
    },
  });
  return () => {
    for (const [target, name, descriptor] of [
      [HTMLElement.prototype, 'clientWidth', width],
      [HTMLElement.prototype, 'clientHeight', height],
      [Element.prototype, 'scrollTo', scrollTo],
    ] as const) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete (target as unknown as Record<string, unknown>)[name];
    }
  };
}

/** Renders the whole selector for a store made from `options` (or the given one). */
export function renderSelector(options: SelectorOptions, store: SelectorStore = createSelectorStore(validateOptions(options))) {
  const user = userEvent.setup();
  const view = render(<SelectorRoot store={store} />);
  return { store, user, ...view };
}

/** The JSON bodies of the search requests a `fetch` spy saw, oldest first. */
export function searchBodies(spy: MockInstance<typeof fetch>): Array<Record<string, unknown>> {
  return spy.mock.calls
    .filter(([input, init]) => String(input instanceof Request ? input.url : input).endsWith('/adobe/assets/search') && (init?.method ?? 'GET') === 'POST')
    .map(([, init]) => JSON.parse(String(init!.body)) as Record<string, unknown>);
}

/** The result searches only (not the one-hit requests for a filter group's own facet). */
export function resultSearchBodies(spy: MockInstance<typeof fetch>): Array<Record<string, unknown>> {
  return searchBodies(spy).filter((body) => body.limit === 48);
}

/** A spy on fetch that still calls through to the network. */
export function spyOnFetch(): MockInstance<typeof fetch> {
  return vi.spyOn(globalThis, 'fetch');
}

/**
 * How long to wait for what loads on demand (the editors) or is rendered by the emulator (a
 * preview): far more than it takes, because test files share the CPU with each other.
 */
export const SLOW_LOAD = { timeout: 10_000 };

/** Lets pending timers, promises and React work settle for `ms` of real time. */
export function settle(ms = 50): Promise<void> {
  return act(() => new Promise<void>((done) => setTimeout(done, ms)));
}

/** The part of a test emulator the UI tests use. */
type UiEmulator = Pick<TestEmulator, 'url' | 'idOf' | 'fetch' | 'close'>;

/** The emulator all UI test files share (test/ui/sharedEmulator.ts); closing it is the setup's job. */
function sharedEmulator(): UiEmulator {
  const { url, ids } = inject('sharedEmulator');
  return {
    url,
    idOf: (name) => {
      const id = ids[name];
      if (!id) throw new Error(`no asset ${name}`);
      return id;
    },
    fetch: (path, init) => fetch(`${url}${path}`, init),
    close: async () => {},
  };
}

/**
 * The usual suite set-up: a real emulator, the layout stub jsdom needs for the row window, and
 * cleanup after each test. Without options the emulator is the one all UI test files share; with
 * options (faults, say) the suite starts its own. Returns an object whose `emulator` is set once
 * the suite has started.
 */
export function uiSuite(options?: EmulatorOptions, size?: LayoutSize): { emulator: UiEmulator } {
  const suite = {} as { emulator: UiEmulator };
  let restoreLayout = () => {};
  beforeAll(async () => {
    suite.emulator = options ? await (await import('../emulator/emulatorFixture.ts')).startTestEmulator(options) : sharedEmulator();
    restoreLayout = stubLayout(size);
  });
  afterAll(async () => {
    restoreLayout();
    await suite.emulator.close();
  });
  afterEach(() => {
    cleanup();
    // Each test starts as a fresh page would: no first pages remembered from the one before.
    forgetRecentFirstPages();
  });
  return suite;
}
