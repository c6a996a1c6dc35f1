// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSelector, stubLayout, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => restoreLayout());

describe('the keyboard path', () => {
  it('from the search field, Tab reaches Sort, View, then the results', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    screen.getByRole('searchbox', { name: 'Search assets' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Grid view' }));
    await user.tab();
    expect(document.activeElement?.getAttribute('role')).toBe('gridcell');
    expect(document.activeElement).toBe(within(screen.getByRole('grid')).getAllByRole('gridcell')[0]);
  });

  it('ArrowDown in the search field moves into the results', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    await user.click(screen.getByRole('searchbox', { name: 'Search assets' }));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByRole('grid')).getAllByRole('gridcell')[0]));
  });

  it('the view buttons are one tab stop with arrow keys', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    const grid = screen.getByRole('button', { name: 'Grid view' });
    const list = screen.getByRole('button', { name: 'List view' });
    expect([grid.tabIndex, list.tabIndex]).toEqual([0, -1]);
    grid.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(list);
    expect([grid.tabIndex, list.tabIndex]).toEqual([-1, 0]);
    await user.keyboard(' ');
    expect(list.getAttribute('aria-pressed')).toBe('true');
  });

  it('a facet group is one tab stop: arrow keys move among its checkboxes, Space toggles', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    // The groups of a first frame come a moment after its first results (FilterPanel).
    const kind = await screen.findByRole('group', { name: 'Type' });
    const boxes = within(kind).getAllByRole('checkbox');
    expect(boxes.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    boxes[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(kind).getByRole('checkbox', { name: 'Video' }));
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d+ assets? found$/));
    expect((within(kind).getByRole('checkbox', { name: 'Video' }) as HTMLInputElement).checked).toBe(true);
    expect(boxes.map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(kind).getByRole('checkbox', { name: 'Document' }));
    // Tab leaves the group at once: the next stop is the next group, not the next checkbox.
    await user.tab();
    expect(screen.getByRole('group', { name: 'Format' }).contains(document.activeElement)).toBe(true);
  });
});
