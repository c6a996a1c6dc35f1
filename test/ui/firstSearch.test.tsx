// @vitest-environment jsdom
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { SelectorRoot } from '../../src/ui/SelectorRoot.tsx';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { resultSearchBodies, spyOnFetch } from './uiFixture.tsx';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});

describe('the first search', () => {
  // Rendered the way a host page does (no act()), so React schedules effects as in a browser:
  // an effect would send the search only after the first frame is painted, and a request sent
  // after an await only once the render's task has ended.
  it('has left by the time the selector first appears in the page', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const realFetch = globalThis.fetch;
    const fetchSpy = spyOnFetch();
    const host = document.createElement('div');
    document.body.append(host);
    // What the page held when each request left.
    const elementsAtFetch: number[] = [];
    fetchSpy.mockImplementation((...args) => {
      elementsAtFetch.push(host.querySelectorAll('*').length);
      return realFetch(...args);
    });
    const root = createRoot(host);
    try {
      const sentWhenShown = await new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          if (!host.querySelector('input')) return;
          observer.disconnect();
          done(resultSearchBodies(fetchSpy).length);
        });
        observer.observe(host, { childList: true, subtree: true });
        root.render(<SelectorRoot store={createSelectorStore(validateOptions({ repository: emulator.url }))} />);
      });
      expect(sentWhenShown).toBe(1);
      // It left while the selector rendered, before any of it was in the page.
      expect(elementsAtFetch[0]).toBe(0);
      expect(resultSearchBodies(fetchSpy)[0]!.facets).toBeDefined();
    } finally {
      root.unmount();
      host.remove();
      fetchSpy.mockRestore();
    }
  });
});
