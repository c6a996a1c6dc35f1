// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderSelector, resultSearchBodies, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite({ faults: true });
let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;
afterEach(async () => {
  fetchSpy?.mockRestore();
  fetchSpy = undefined;
  await suite.emulator.fetch('/_emulator/faults', { method: 'DELETE' });
});

const EDITOR = { Authorization: 'Bearer dev-token-editor', 'Content-Type': 'application/json' };
beforeAll(async () => {
  // Three folders side by side, for the arrow keys (the sample catalog has one per level).
  for (const name of ['keys-a', 'keys-b', 'keys-c']) {
    const response = await suite.emulator.fetch(`/api/assets/samples/space/missions/${name}`, { method: 'POST', headers: EDITOR, body: JSON.stringify({ class: 'assetFolder', properties: { 'jcr:title': name.toUpperCase() } }) });
    expect(response.status).toBe(201);
  }
});

const folders = () => screen.getByRole('region', { name: 'Folders' });
const crumbs = () => within(folders()).getByRole('navigation', { name: 'Folder path' });
const current = () => crumbs().querySelector('[aria-current="page"]')!.textContent;
const folderButton = (name: string) => within(within(folders()).getByRole('list', { name: /^Folders in / })).getByRole('button', { name });
const lastScope = () => JSON.stringify(resultSearchBodies(fetchSpy!).at(-1)?.query ?? []).match(/"repositoryMetadata\.repo:path":\["([^"]*)"\]/)?.[1];

describe('the Folders region (author tier)', () => {
  it('walks the tree by keyboard, scopes the results to the open folder and below, and breadcrumbs lead back', async () => {
    fetchSpy = spyOnFetch();
    const { user, store } = renderSelector({ repository: suite.emulator.url, tier: 'author' });
    await screen.findByRole('region', { name: 'Folders' }, SLOW_LOAD);
    expect(current()).toBe('Assets');
    await waitFor(() => expect(folderButton('samples')).toBeTruthy());

    // Enter opens a folder; focus follows to the new list's first folder.
    folderButton('samples').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(folderButton('space')));
    expect(current()).toBe('samples');
    expect(within(crumbs()).getByRole('button', { name: 'Assets' })).toBeTruthy();

    // The forward arrow opens one too; the results are the three space photos.
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(document.activeElement).toBe(folderButton('missions')));
    expect(current()).toBe('space');
    await waitFor(() => expect(lastScope()).toBe('/content/dam/samples/space'));
    const grid = await screen.findByRole('grid', { name: 'Assets' });
    await waitFor(() => expect(within(grid).getAllByRole('gridcell').map((cell) => cell.getAttribute('aria-label') ?? cell.textContent).join('|')).toMatch(/Astronaut/));
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(3);

    // Arrow keys, Home and End move among siblings: one tab stop.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(folderButton('KEYS-A')));
    const list = within(folders()).getByRole('list', { name: 'Folders in missions' });
    expect(within(list).getAllByRole('button').filter((b) => b.tabIndex === 0)).toHaveLength(1);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(folderButton('KEYS-B'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(folderButton('KEYS-C'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(folderButton('KEYS-C'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(folderButton('KEYS-A'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(folderButton('KEYS-A'));
    expect(folderButton('KEYS-A').tabIndex).toBe(0);

    // An empty folder says so; Backspace goes up a level, twice.
    await user.keyboard('{Enter}');
    await within(folders()).findByText('No folders in here');
    expect(current()).toBe('KEYS-A');
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(current()).toBe('missions'));
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(current()).toBe('space'));
    await waitFor(() => expect(document.activeElement).toBe(folderButton('missions')));

    // A breadcrumb goes straight back to the root: everything again.
    await user.click(within(crumbs()).getByRole('button', { name: 'Assets' }));
    await waitFor(() => expect(current()).toBe('Assets'));
    // The root's results come from the cache (no new request): the search itself is unscoped.
    expect(JSON.stringify(store.getState().search.request.query)).not.toContain('repo:path');
    // (A new grid: the empty folder's results were the empty state.)
    await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Assets' })).getAllByRole('gridcell').length).toBeGreaterThan(3));
  });

  it('a failed listing shows the problem with Retry, reports it once, and Retry recovers', async () => {
    await suite.emulator.fetch('/_emulator/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/api/assets.json', status: 403, count: 1 }) });
    const onError = vi.fn();
    const { user } = renderSelector({ repository: suite.emulator.url, tier: 'author', onError });
    const region = await screen.findByRole('region', { name: 'Folders' }, SLOW_LOAD);
    const alert = await within(region).findByRole('alert');
    expect(within(alert).getByText('The folders could not be loaded')).toBeTruthy();
    // onError runs in an effect after the alert is committed.
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'unauthorized', status: 403 });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(folderButton('samples')).toBeTruthy());
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('a repository without folders (404 at the root) says so', async () => {
    await suite.emulator.fetch('/_emulator/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/api/assets.json', status: 404, count: 1 }) });
    renderSelector({ repository: suite.emulator.url, tier: 'author', folder: '/content/dam' });
    const region = await screen.findByRole('region', { name: 'Folders' }, SLOW_LOAD);
    expect(within(await within(region).findByRole('alert')).getByText('This repository has no folders to browse')).toBeTruthy();
  });

  it('as a folder picker: Select hands the open folder to onSelectFolder, Cancel calls onClose, and no asset search is made', async () => {
    fetchSpy = spyOnFetch();
    const onSelectFolder = vi.fn();
    const onClose = vi.fn();
    const { user } = renderSelector({ repository: suite.emulator.url, onSelectFolder, onClose, folder: '/content/dam/samples' });
    await screen.findByRole('region', { name: 'Folders' }, SLOW_LOAD);
    await waitFor(() => expect(folderButton('space')).toBeTruthy());
    await user.click(folderButton('space'));
    const select = await screen.findByRole('button', { name: 'Select “space”' });
    await user.click(select);
    expect(onSelectFolder).toHaveBeenCalledWith({ path: '/content/dam/samples/space', name: 'space', title: 'space' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(resultSearchBodies(fetchSpy)).toHaveLength(0);
    expect(screen.queryByRole('grid', { name: 'Assets' })).toBeNull();
  });
});
