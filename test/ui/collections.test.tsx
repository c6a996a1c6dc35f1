// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import type { SelectedAsset } from '../../src/core/types.ts';
import { renderSelector, resultSearchBodies, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

/** Its own emulator: these tests write collections. Writes of more than one item take the 202 + job form. */
const suite = uiSuite({ limits: { collectionAsyncItems: 1 } });

const SKY = 'urn:cid:aem:0ce9a75f-7cd2-4e83-8019-d2e40e78c0d6';
const FLOWERS = 'urn:cid:aem:6fd47016-c015-4006-bd78-3786e7300d00';
const status = () => screen.getAllByRole('status').find((s) => /assets? found|No assets/.test(s.textContent ?? ''));
const found = (text: string | RegExp) => waitFor(() => expect(status()?.textContent).toMatch(text), SLOW_LOAD);
const titles = () => screen.getAllByRole('gridcell').map((c) => c.getAttribute('aria-label')!.split(',')[0]);

async function openCollection(user: ReturnType<typeof renderSelector>['user'], title: string) {
  await user.click(screen.getByRole('button', { name: 'Collections' }));
  const list = await screen.findByRole('list', { name: 'Collections in the repository' }, SLOW_LOAD);
  await user.click(within(list).getByRole('button', { name: title }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: `Collection: ${title}` })), SLOW_LOAD);
}

describe('browsing collections', () => {
  it('lists them, opens one (its name focused), searches within it, and a pick carries collectionId; All assets leaves it', async () => {
    const onSelect = vi.fn<(assets: SelectedAsset[]) => void>();
    const { user } = renderSelector({ repository: suite.emulator.url, selectionType: 'multiple', onSelect });
    await found(/^\d+ assets found$/);
    await user.click(screen.getByRole('button', { name: 'Collections' }));
    expect(screen.getByRole('button', { name: 'Collections' }).getAttribute('aria-expanded')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Collections in the repository' }, SLOW_LOAD);
    const sky = within(list).getByRole('button', { name: 'Sky and space' });
    expect(sky.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(sky.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Rockets, astronauts/);
    await user.click(sky);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Collection: Sky and space'), SLOW_LOAD);
    // storm.jpg is in it but rejected: never shown.
    await found('5 assets found');
    expect(titles().sort()).toEqual(expect.arrayContaining(['Kite over the hills']));
    await user.type(screen.getByRole('searchbox', { name: 'Search assets' }), 'kite');
    await found('2 assets found');
    await user.click(screen.getByRole('gridcell', { name: /^Kite over the hills/ }));
    await user.click(screen.getByRole('button', { name: 'All assets' }));
    await user.clear(screen.getByRole('searchbox', { name: 'Search assets' }));
    await found(/^2\d assets found$/);
    expect(screen.queryByRole('heading', { name: /^Collection:/ })).toBeNull();
    await user.click(screen.getByRole('gridcell', { name: /^Espresso cup/ }));
    await user.click(screen.getByRole('button', { name: 'Select 2' }));
    const [kite, coffee] = onSelect.mock.calls[0]![0];
    expect(kite).toMatchObject({ assetId: suite.emulator.idOf('kite.jpg'), collectionId: SKY });
    expect(coffee!.assetId).toBe(suite.emulator.idOf('coffee.jpg'));
    expect(coffee).not.toHaveProperty('collectionId');
  });

  it('the collection option opens on it, and no search goes out unscoped meanwhile (the results wait for its members)', async () => {
    const spy = spyOnFetch();
    try {
      renderSelector({ repository: suite.emulator.url, collection: FLOWERS });
      // fresh-flower.jpg is in it, restricted to marketing: not shown without that role.
      await found('5 assets found');
      expect(screen.getByRole('heading', { name: 'Collection: Flowers and gardens' })).toBeTruthy();
      // Opened by the host: focus stays where it was.
      expect(document.activeElement).toBe(document.body);
      const bodies = resultSearchBodies(spy);
      expect(bodies.length).toBeGreaterThan(0);
      // While its members are read, a search (the filter panel's facets) matches nothing rather than everything.
      for (const body of bodies) expect(JSON.stringify(body.query)).toMatch(/repositoryMetadata\.repo:assetId|^\[\{"not":\[\{"match":\{"text":"\*"\}\}\]\}\]$/);
      expect(JSON.stringify(bodies.at(-1)!.query)).toContain('repositoryMetadata.repo:assetId');
    } finally {
      spy.mockRestore();
    }
  });

  it('an invalid collection option is a TypeError naming it', () => {
    expect(() => validateOptions({ repository: 'https://r.example', collection: 5 })).toThrow(/option "collection"/);
    expect(() => validateOptions({ repository: 'https://r.example', collection: 'two words' })).toThrow(/option "collection"/);
  });

  it('a collection that cannot be read shows its error with Retry', async () => {
    renderSelector({ repository: suite.emulator.url, collection: 'urn:cid:aem:00000000-0000-4000-8000-000000000000' });
    const alert = await screen.findByRole('alert', {}, SLOW_LOAD);
    expect(alert.textContent).toContain('The collection could not be opened');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

describe('writing collections', () => {
  it('without a token there are no write controls', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await openCollection(user, 'Lakes and shores');
    expect(screen.queryByRole('button', { name: 'Add selection' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Collections' }));
    await screen.findByRole('list', { name: 'Collections in the repository' }, SLOW_LOAD);
    expect(screen.queryByRole('form', { name: 'New collection from the selection' })).toBeNull();
  });

  it('creates a collection from the selection, opens it, adds and removes; a stale ETag reloads and says so', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url, selectionType: 'multiple', token: 'dev-token-editor' });
    await found(/^\d+ assets found$/);
    await user.click(screen.getByRole('gridcell', { name: /^Espresso cup/ }));
    await user.click(screen.getByRole('gridcell', { name: /^Kite over the hills/ }));
    await user.click(screen.getByRole('button', { name: 'Collections' }));
    const form = await screen.findByRole('form', { name: 'New collection from the selection' }, SLOW_LOAD);
    const title = `UI made ${Date.now()}`;
    await user.type(within(form).getByLabelText('Title'), title);
    await user.type(within(form).getByLabelText('Description (optional)'), 'from a test');
    await user.click(within(form).getByRole('button', { name: 'Create collection' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe(`Collection created: ${title}`), SLOW_LOAD);
    const list = screen.getByRole('list', { name: 'Collections in the repository' });
    await user.click(await within(list).findByRole('button', { name: title }, SLOW_LOAD));
    await found('2 assets found');

    // Someone else changes it after the bar read its ETag: the next write meets a 412, the bar reloads and says so.
    const bar = screen.getByRole('region', { name: `Collection: ${title}` });
    const id = (await (await suite.emulator.fetch('/adobe/assets/collections?limit=50')).json()).items.find((c: { collectionMetadata: { title: string } }) => c.collectionMetadata.title === title).id;
    const etag = (await suite.emulator.fetch(`/adobe/assets/collections/${id}`, { method: 'HEAD' })).headers.get('etag')!;
    const outside = await suite.emulator.fetch(`/adobe/assets/collections/${id}/items`, {
      method: 'POST',
      headers: { Authorization: 'Bearer dev-token-editor', 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify([{ op: 'add', id: suite.emulator.idOf('wood.jpg'), type: 'asset' }]),
    });
    expect(outside.status).toBe(204);
    // Both chosen assets are members: nothing to add, two to remove.
    expect(within(bar).getByRole('button', { name: 'Add selection' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(within(bar).getByRole('button', { name: 'Remove selection' }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toMatch(/^Someone else changed this collection/), SLOW_LOAD);
    await found('3 assets found');
    await user.click(within(bar).getByRole('button', { name: 'Remove selection' }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toBe('Removed from the collection: 2'), SLOW_LOAD);
    await found('1 asset found');
    expect(titles()).toEqual(['Wooden boards']);
    // Two operations: the long-running form here (202, then the job's status is polled).
    await user.click(within(bar).getByRole('button', { name: 'Add selection' }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toBe('Added to the collection: 2'), SLOW_LOAD);
    await found('3 assets found');
  });

  it('a token that may not write gets a clear message', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url, token: 'dev-token' });
    await found(/^\d+ assets found$/);
    await user.click(screen.getByRole('gridcell', { name: /^Espresso cup/ }));
    await user.click(screen.getByRole('button', { name: 'Collections' }));
    const form = await screen.findByRole('form', { name: 'New collection from the selection' }, SLOW_LOAD);
    await user.type(within(form).getByLabelText('Title'), 'Not allowed');
    await user.click(within(form).getByRole('button', { name: 'Create collection' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Your access does not allow changing collections.'), SLOW_LOAD);
  });
});
