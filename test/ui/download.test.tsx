// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { unzip } from '../emulator/archiveFixture.ts';
import { renderSelector, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite({ faults: true });
const THREE = ['kite.jpg', 'aqua.jpg', 'brand-guidelines.pdf'];

/** The downloads the page started: each `<a download>` click, which jsdom cannot follow. */
let clicks: MockInstance<(this: HTMLAnchorElement) => void>;
const saved = () => clicks.mock.contexts.map((a) => ({ href: a.href, download: a.download, connected: a.isConnected, referrerPolicy: a.referrerPolicy }));
beforeEach(() => {
  clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await suite.emulator.fetch('/_emulator/faults', { method: 'DELETE' });
});

function withThree(extra: Record<string, unknown> = {}) {
  return renderSelector({ repository: suite.emulator.url, selectionType: 'multiple', selected: THREE.map(suite.emulator.idOf), token: 'dev-token', ...extra });
}
const tray = () => screen.getByRole('region', { name: 'Selected assets' });
const original = (name: string) => readFile(resolve(import.meta.dirname, '../../demo/catalog', name));

describe('Download in the tray', () => {
  it('builds an archive of the selection, shows progress, then saves the zip: it unzips to the originals', async () => {
    const fetchSpy = spyOnFetch();
    const { user } = withThree();
    await waitFor(() => expect(within(tray()).getAllByRole('listitem')).toHaveLength(3), SLOW_LOAD);
    await user.click(within(tray()).getByRole('button', { name: 'Download' }));
    const part = await within(tray()).findByRole('group', { name: 'Download the selection' }, SLOW_LOAD);
    // While it builds: a progress bar and a polite status, and focus on Stop.
    expect(within(part).getByRole('progressbar', { name: 'Preparing the archive' })).toBeTruthy();
    expect(within(part).getByRole('status').textContent).toMatch(/archive…$/);
    expect(document.activeElement).toBe(within(part).getByRole('button', { name: 'Stop download' }));
    await within(part).findByText('The archive is ready; your browser is saving it.', undefined, SLOW_LOAD);
    expect(saved()).toHaveLength(1);
    const [file] = saved();
    expect(file!.download).toMatch(/\.zip$/);
    // Never in the DOM, and no referrer to the storage.
    expect(file!.connected).toBe(false);
    expect(file!.referrerPolicy).toBe('no-referrer');
    expect(document.body.innerHTML).not.toContain('token=');
    // Our token went only into headers; the file URL carries the repository's own.
    const urls = fetchSpy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input));
    expect(urls.some((u) => u.endsWith('/adobe/assets/archives'))).toBe(true);
    expect([...urls, file!.href].filter((u) => u.includes('dev-token'))).toEqual([]);
    const zip = await unzip(Buffer.from(await (await fetch(file!.href)).arrayBuffer()));
    for (const name of THREE) expect(zip.get(name), name).toEqual(await original(name));
    // A button saves it again; Done brings the Download button back, focused.
    expect(within(part).getByRole('button', { name: /^Save .*\.zip \(.+\)$/ })).toBeTruthy();
    await user.click(within(part).getByRole('button', { name: 'Done' }));
    expect(document.activeElement).toBe(within(tray()).getByRole('button', { name: 'Download' }));
  });

  it('Stop cancels while it builds: no download, no more polling, focus back on Download', async () => {
    const fetchSpy = spyOnFetch();
    const { user } = withThree();
    await waitFor(() => expect(within(tray()).getAllByRole('listitem')).toHaveLength(3), SLOW_LOAD);
    await user.click(within(tray()).getByRole('button', { name: 'Download' }));
    const part = await within(tray()).findByRole('group', { name: 'Download the selection' }, SLOW_LOAD);
    await waitFor(() => expect(within(part).getByRole('status').textContent).toBe('The repository is preparing the archive…'), SLOW_LOAD);
    await user.click(within(part).getByRole('button', { name: 'Stop download' }));
    expect(document.activeElement).toBe(within(tray()).getByRole('button', { name: 'Download' }));
    const archiveCalls = () => fetchSpy.mock.calls.filter(([input]) => String(input).includes('/archives')).length;
    const before = archiveCalls();
    await act(() => new Promise((r) => setTimeout(r, 1500)));
    expect(archiveCalls()).toBe(before);
    expect(saved()).toEqual([]);
  });

  it('shows the repository’s problem with Retry, and Retry builds it', async () => {
    await suite.emulator.fetch('/_emulator/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/adobe/assets/archives', status: 400, count: 1, method: 'POST' }),
    });
    const onError = vi.fn();
    const { user } = withThree({ onError });
    await waitFor(() => expect(within(tray()).getAllByRole('listitem')).toHaveLength(3), SLOW_LOAD);
    await user.click(within(tray()).getByRole('button', { name: 'Download' }));
    const alert = await within(tray()).findByRole('alert', undefined, SLOW_LOAD);
    expect(alert.textContent).toMatch(/The archive could not be made.*fault injected by the emulator/);
    // onError runs in an effect after the alert is committed.
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].name).toBe('SelectorError');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await within(tray()).findByText('The archive is ready; your browser is saving it.', undefined, SLOW_LOAD);
    expect(saved()).toHaveLength(1);
  });

  it('is hidden with download: false; a wrong value is a TypeError naming the option', async () => {
    withThree({ download: false });
    await waitFor(() => expect(within(tray()).getAllByRole('listitem')).toHaveLength(3), SLOW_LOAD);
    expect(within(tray()).queryByRole('button', { name: 'Download' })).toBeNull();
    expect(() => validateOptions({ repository: suite.emulator.url, download: 'no' })).toThrow(new TypeError('asset-selector: option "download" must be a boolean, got "no"'));
  });
});

describe('videos', () => {
  it('cards and the details panel show the poster (a delivery URL with an image format) with a marker; Play opens a named player', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
    const { user } = renderSelector({ repository: suite.emulator.url });
    const cell = await screen.findByRole('gridcell', { name: /^Kite flight \(video\)/ }, SLOW_LOAD);
    const poster = cell.querySelector('img')!;
    expect(poster.getAttribute('src')).toMatch(/\/adobe\/assets\/urn:aaid:aem:[\w-]+\/as\/kite-flight\.avif\?width=\d+&quality=80$/);
    expect(poster.getAttribute('srcset')).toMatch(/ \d+w/);
    expect(poster.getAttribute('loading')).toBe('eager');
    expect(cell.querySelector('.as-video-marker')?.getAttribute('aria-hidden')).toBe('true');
    // The poster decodes: the emulator renders a frame as an image of the asked width.
    const answer = await fetch(poster.getAttribute('src')!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^image\//);
    const { width } = await sharp(Buffer.from(await answer.arrayBuffer())).metadata();
    expect(width).toBe(Number(new URL(poster.getAttribute('src')!).searchParams.get('width')));

    act(() => cell.focus());
    const details = screen.getByRole('region', { name: 'Details' });
    const playButton = await within(details).findByRole('button', { name: 'Play Kite flight (video)' }, SLOW_LOAD);
    await user.click(playButton);
    const video = (await waitFor(() => {
      const v = details.querySelector('video');
      expect(v).not.toBeNull();
      return v!;
    }, SLOW_LOAD)) as HTMLVideoElement;
    expect(video.getAttribute('aria-label')).toBe('Kite flight (video)');
    expect(video.controls).toBe(true);
    expect(video.getAttribute('poster')).toMatch(/\/as\/kite-flight\.avif\?width=/);
    // jsdom plays neither HLS nor MSE: the progressive original.
    await waitFor(() => expect(video.getAttribute('src')).toMatch(/\/original\/as\/kite-flight\.mp4$/));
    expect(play).toHaveBeenCalled();
    expect(document.activeElement).toBe(video);
  });
});
