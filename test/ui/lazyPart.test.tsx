// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { LazyPart } from '../../src/ui/LazyPart.tsx';
import { SelectorStoreContext } from '../../src/ui/useSelectorStore.ts';
import { TranslatorContext } from '../../src/ui/useTranslator.ts';

const t = createTranslator('en-US');
// The failure is reported (ErrorState tells the host's onError): a store to report it to.
const store = createSelectorStore(validateOptions({ repository: 'http://127.0.0.1:9' }));

function Part({ label }: { label: string }) {
  return <p>{label}</p>;
}

function show(load: () => Promise<typeof Part>, label: string) {
  return render(
    <SelectorStoreContext.Provider value={store}>
      <TranslatorContext.Provider value={t}>
        <LazyPart load={load} props={{ label }} className="as-test-part" failedTitle="The part could not be loaded" />
      </TranslatorContext.Provider>
    </SelectorStoreContext.Provider>,
  );
}

describe('LazyPart', () => {
  afterEach(() => vi.restoreAllMocks());
  /** React reports the error its boundary caught on the console: expected here. */
  const quietly = () => vi.spyOn(console, 'error').mockImplementation(() => {});

  it('shows a placeholder while a part loads, and a part once loaded at once wherever and whenever it is shown again', async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve(Part);
    };
    const first = show(load, 'first');
    expect(first.container.querySelector('.as-test-part[aria-busy="true"]')).not.toBeNull();
    await screen.findByText('first');
    first.unmount();

    // Shown again (the editor reopened, another asset's details): no placeholder frame, no second load.
    const again = show(load, 'again');
    expect(screen.getByText('again')).toBeTruthy();
    expect(again.container.querySelector('[aria-busy]')).toBeNull();
    expect(loads).toBe(1);
  });

  it('a failed load shows Retry; the next time the part is shown it is loaded again rather than shown failed', async () => {
    let attempt = 0;
    const load = () => (++attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Part));
    quietly();
    const failed = show(load, 'loaded');
    expect(await screen.findByText('The part could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    failed.unmount();

    show(load, 'loaded');
    expect(await screen.findByText('loaded')).toBeTruthy();
    expect(attempt).toBe(2);
  });

  it('Retry loads a failed part again', async () => {
    let attempt = 0;
    const load = () => (++attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Part));
    quietly();
    show(load, 'retried');
    const retry = await screen.findByRole('button', { name: 'Retry' });
    await act(async () => retry.click());
    expect(await screen.findByText('retried')).toBeTruthy();
    expect(attempt).toBe(2);
  });
});
