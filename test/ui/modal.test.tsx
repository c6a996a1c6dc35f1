// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AssetSelector } from '../../src/ui/AssetSelector.tsx';
import { renderSelector, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

/** A host page: a button opens the modal selector, which the host unmounts on close. */
function Host({ onClose, onSelect }: { onClose(): void; onSelect(assets: unknown[]): void }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Choose image
      </button>
      {open && (
        <AssetSelector
          repository={suite.emulator.url}
          mode="modal"
          selectionType="multiple"
          colorScheme="dark"
          onClose={() => {
            setOpen(false);
            onClose();
          }}
          onSelect={(assets) => {
            setOpen(false);
            onSelect(assets);
          }}
        />
      )}
    </div>
  );
}

describe('modal mode', () => {
  it('is a dialog named Asset selector that traps focus, closes on Esc, calls onClose and returns focus', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<Host onClose={onClose} onSelect={vi.fn()} />);
    const opener = screen.getByRole('button', { name: 'Choose image' });
    await user.click(opener);
    // The first modal on a page shows once its frame (a part: ui/lazyParts.ts) is here.
    const dialog = await screen.findByRole('dialog', { name: 'Asset selector' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.closest('.as-root')!.getAttribute('data-color-scheme')).toBe('dark');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search assets' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));

    // Tab around the whole dialog: focus never leaves it, and comes back to the start.
    const start = document.activeElement;
    const seen = new Set<Element>();
    for (let i = 0; i < 80; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
      seen.add(document.activeElement!);
      if (document.activeElement === start) break;
    }
    expect(document.activeElement).toBe(start);
    expect(seen.size).toBeGreaterThan(5);
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(start);

    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Select hands over the selection and closes the dialog', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<Host onClose={vi.fn()} onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Choose image' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    await user.click(screen.getAllByRole('gridcell')[0]!);
    await user.click(screen.getByRole('button', { name: 'Select 1' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]![0]).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a modal store renders nothing until opened, and keeps its state when closed and reopened', async () => {
    const onClose = vi.fn();
    const { store, user } = renderSelector({ repository: suite.emulator.url, mode: 'modal', onClose });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => store.getState().open());
    await user.type(screen.getByRole('searchbox'), 'kite');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => store.getState().open());
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('kite');
  });

  it('an inline store that is closed renders nothing in its place', () => {
    const { store, container } = renderSelector({ repository: suite.emulator.url });
    expect(screen.getByRole('region', { name: 'Asset selector' })).toBeTruthy();
    act(() => store.getState().close());
    expect(container.childElementCount).toBe(0);
  });
});
