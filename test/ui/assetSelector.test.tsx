// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { Component, StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AssetSelector, type AssetSelectorProps } from '../../src/ui/AssetSelector.tsx';
import { uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

class Catch extends Component<{ children: ReactNode; onError(error: unknown): void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

describe('AssetSelector', () => {
  it.each([
    [{ repository: 'not a url' }, /option "repository"/],
    [{ repository: 'http://repo.test', selectionType: 'many' }, /option "selectionType"/],
    [{ repository: 'http://repo.test', colour: 'red' }, /unknown option "colour"/],
  ])('throws the TypeError naming the option for invalid props %j', (props, message) => {
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      render(
        <Catch onError={(e) => errors.push(e)}>
          <AssetSelector {...(props as unknown as AssetSelectorProps)} />
        </Catch>,
      );
    } finally {
      consoleError.mockRestore();
    }
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(String((errors[0] as Error).message)).toMatch(message);
  });

  it('renders the inline region, takes the locale from the browser, and pushes prop changes into its store', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<AssetSelector repository={suite.emulator.url} onSelectionChange={first} />);
    const region = screen.getByRole('region', { name: 'Asset selector' });
    expect(region.getAttribute('lang')).toBe(navigator.language);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    expect(screen.getByRole('grid').getAttribute('aria-multiselectable')).toBeNull();

    rerender(<AssetSelector repository={suite.emulator.url} selectionType="multiple" colorScheme="light" onSelectionChange={second} />);
    expect(screen.getByRole('grid').getAttribute('aria-multiselectable')).toBe('true');
    expect(region.getAttribute('data-color-scheme')).toBe('light');
    act(() => screen.getAllByRole('gridcell')[0]!.click());
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls[0]![0]).toHaveLength(1);
  });

  it('works under StrictMode: one store, one onSelectionChange per change', async () => {
    const onSelectionChange = vi.fn();
    render(
      <StrictMode>
        <AssetSelector repository={suite.emulator.url} selectionType="multiple" onSelectionChange={onSelectionChange} />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    act(() => screen.getAllByRole('gridcell')[0]!.click());
    act(() => screen.getAllByRole('gridcell')[1]!.click());
    expect(onSelectionChange).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Select 2' })).toBeTruthy();
  });
});
