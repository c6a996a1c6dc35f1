// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KIND_MIME_TYPES } from '../../src/core/filtersToQuery.ts';
import { renderSelector, resultSearchBodies, searchBodies, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let fetchSpy: ReturnType<typeof spyOnFetch>;
afterEach(() => fetchSpy?.mockRestore());

const status = () => screen.getByRole('status').textContent;

/** Answers every search with `answer` (which may `send` it on); every other request goes through. */
function interceptSearches(answer: (send: () => Promise<Response>) => Promise<Response>): void {
  const realFetch = globalThis.fetch;
  fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.endsWith('/adobe/assets/search') ? answer(() => realFetch(input, init)) : realFetch(input, init);
  });
}
const filters = () => screen.getByRole('region', { name: 'Filters' });

describe('filters', () => {
  it('kind=image sends a term on dc:format with the image MIME types, AND-ed with the text', async () => {
    fetchSpy = spyOnFetch();
    const { user } = renderSelector({ repository: suite.emulator.url });
    await user.type(screen.getByRole('searchbox', { name: 'Search assets' }), 'kite');
    await waitFor(() => expect(searchBodies(fetchSpy).at(-1)!.query).toEqual([{ match: { text: 'kite' } }]));
    await user.click(await within(filters()).findByRole('checkbox', { name: 'Image' }));
    await waitFor(() => expect(status()).toBe('1 asset found'));
    expect(searchBodies(fetchSpy).at(-1)).toEqual({
      query: [{ match: { text: 'kite' } }, { term: { 'repositoryMetadata.dc:format': [...KIND_MIME_TYPES.image] } }],
      limit: 48,
      facets: [
        { type: 'CATEGORY', id: 'format', field: 'repositoryMetadata.dc:format', size: 20 },
        { type: 'CATEGORY', id: 'keywords', field: 'assetMetadata.xcm:keywords', size: 20 },
      ],
    });
    expect(screen.getByRole('gridcell', { name: /^Kite over the hills/ })).toBeTruthy();
  });

  it('ORs values within a group and ANDs groups; keyword checkboxes come from the facet with counts', async () => {
    fetchSpy = spyOnFetch();
    const { user } = renderSelector({ repository: suite.emulator.url });
    const panel = filters();
    const space = await within(panel).findByRole('checkbox', { name: /^space/ });
    expect(space.closest('label')!.querySelector('.as-count')!.textContent).toBe('3');
    await user.click(space);
    await user.click(within(panel).getByRole('checkbox', { name: /^flower/ }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Image' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Video' }));
    await waitFor(() =>
      expect(resultSearchBodies(fetchSpy).at(-1)!.query).toEqual([
        { term: { 'repositoryMetadata.dc:format': [...KIND_MIME_TYPES.image, ...KIND_MIME_TYPES.video] } },
        { term: { 'assetMetadata.xcm:keywords': ['space', 'flower'] } },
      ]),
    );
    await waitFor(() => expect(status()).toBe('7 assets found'));
    expect(screen.getByRole('button', { name: /Filters/ }).textContent).toContain('2');
    // OR within the group: its own choice does not narrow its list, so more keywords can be added.
    const sky = within(panel).getByRole('checkbox', { name: /^sky/ });
    expect(sky.closest('label')!.querySelector('.as-count')!.textContent).not.toBe('0');
    const keywordFacet = searchBodies(fetchSpy).find((b) => b.limit === 1)!;
    expect(keywordFacet.facets).toEqual([{ type: 'CATEGORY', id: 'keywords', field: 'assetMetadata.xcm:keywords', size: 20 }]);
    expect(JSON.stringify(keywordFacet.query)).not.toContain('xcm:keywords');
  });

  it('date and size ranges become range nodes; Clear all resets every group', async () => {
    fetchSpy = spyOnFetch();
    const { user, store } = renderSelector({ repository: suite.emulator.url });
    const panel = filters();
    await user.type(await within(panel).findByLabelText('From'), '2020-01-01');
    await user.type(within(panel).getByLabelText('To'), '2020-12-31');
    await user.type(within(panel).getByLabelText('Max (MB)'), '0.5');
    await waitFor(() =>
      expect(searchBodies(fetchSpy).at(-1)!.query).toEqual([
        { range: { 'repositoryMetadata.repo:createDate': { gte: '2020-01-01T00:00:00.000Z', lte: '2020-12-31T23:59:59.999Z' } } },
        { range: { 'repositoryMetadata.repo:size': { lte: 500000 } } },
      ]),
    );
    const clear = within(panel).getByRole('button', { name: 'Clear all' });
    await user.click(clear);
    expect(store.getState().filters).toEqual({});
    expect((within(panel).getByLabelText('Max (MB)') as HTMLInputElement).value).toBe('');
    expect((within(panel).getByLabelText('From') as HTMLInputElement).value).toBe('');
    // The unfiltered search is still in the cache: it shows again without a request.
    await waitFor(() => expect(status()).toBe('24 assets found'));
    expect(clear).toHaveProperty('disabled', true);
  });

  it('a host filters option replaces the default groups', async () => {
    fetchSpy = spyOnFetch();
    const { user } = renderSelector({
      repository: suite.emulator.url,
      filters: [{ id: 'subject', label: 'Subject', type: 'values', field: 'assetMetadata.xcm:keywords', values: [{ value: 'space', label: 'Outer space' }] }],
    });
    const panel = filters();
    expect((await within(panel).findAllByRole('group')).map((g) => g.querySelector('legend')!.textContent)).toEqual(['Subject']);
    expect(within(panel).queryByRole('group', { name: 'Type' })).toBeNull();
    await user.click(within(panel).getByRole('checkbox', { name: 'Outer space' }));
    await waitFor(() => expect(status()).toBe('3 assets found'));
    const body = searchBodies(fetchSpy).at(-1)!;
    expect(body.query).toEqual([{ term: { 'assetMetadata.xcm:keywords': ['space'] } }]);
    expect(body.facets).toBeUndefined();
  });

  it('a selector mounted again shows its remembered results first and its filter groups just after; a reopened panel shows them at once', async () => {
    fetchSpy = spyOnFetch();
    const first = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(status()).toBe('24 assets found'));
    first.unmount();

    const { user } = renderSelector({ repository: suite.emulator.url });
    // Its first frame: the results it showed before, and placeholder lines where the groups go.
    expect(screen.getAllByRole('gridcell').length).toBeGreaterThan(0);
    expect(within(filters()).queryAllByRole('group')).toEqual([]);
    expect(filters().querySelectorAll('.as-skeleton-line').length).toBeGreaterThan(0);
    expect((await within(filters()).findAllByRole('group')).map((g) => g.querySelector('legend')!.textContent)).toEqual(['Type', 'Format', 'Keywords', 'Created', 'File size']);
    expect(within(filters()).getByRole('checkbox', { name: /^space/ })).toBeTruthy();

    const toggle = screen.getByRole('button', { name: 'Filters' });
    await user.click(toggle);
    expect(screen.queryByRole('region', { name: 'Filters' })).toBeNull();
    await user.click(toggle);
    // Opened by a person: every group in the same render.
    expect(within(filters()).getAllByRole('group')).toHaveLength(5);
  });

  it('the host query scope is always AND-ed', async () => {
    fetchSpy = spyOnFetch();
    const scope = [{ term: { 'assetMetadata.xcm:keywords': ['sky'] } }];
    const { user } = renderSelector({ repository: suite.emulator.url, query: scope });
    await waitFor(() => expect(status()).toMatch(/assets found$/));
    await user.type(screen.getByRole('searchbox'), 'kite');
    await waitFor(() => expect(searchBodies(fetchSpy).at(-1)!.query).toEqual([...scope, { match: { text: 'kite' } }]));
  });

  it('while the first search has not answered, the panel shows placeholder lines, not "No values"; its groups come with the results', async () => {
    // The search waits until the test lets it go.
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    interceptSearches(async (send) => {
      await released;
      return send();
    });
    renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(status()).toBe('Searching…'));
    expect(filters().textContent).not.toContain('No values');
    expect(filters().querySelectorAll('.as-skeleton-line').length).toBeGreaterThan(0);
    expect(within(filters()).queryAllByRole('group')).toEqual([]);
    release();
    const keywords = await within(filters()).findByRole('group', { name: 'Keywords' });
    expect(within(keywords).getByRole('checkbox', { name: /^space/ })).toBeTruthy();
    expect(filters().querySelector('.as-skeleton-line')).toBeNull();
  });

  it('a repository that does not answer leaves the groups usable after a second', async () => {
    interceptSearches(() => new Promise<Response>(() => {}));
    renderSelector({ repository: suite.emulator.url });
    expect(within(filters()).queryAllByRole('group')).toEqual([]);
    const created = await within(filters()).findByRole('group', { name: 'Created' }, { timeout: 3_000 });
    expect(within(created).getByLabelText('From')).toBeTruthy();
    // The values a search has not told yet are placeholders, never "No values".
    expect(within(filters()).getByRole('group', { name: 'Keywords' }).querySelector('.as-skeleton-line')).not.toBeNull();
  });

  it('after a failed first search, the value groups say there are no values (no placeholders left shining)', async () => {
    interceptSearches(async () => new Response('{"status":503,"title":"Unavailable"}', { status: 503, headers: { 'Content-Type': 'application/problem+json' } }));
    renderSelector({ repository: suite.emulator.url });
    await screen.findByRole('button', { name: 'Retry' }, { timeout: 10_000 });
    const keywords = await within(filters()).findByRole('group', { name: 'Keywords' });
    await waitFor(() => expect(keywords.textContent).toContain('No values in these results'));
    expect(keywords.querySelector('.as-skeleton-line')).toBeNull();
  });
});
