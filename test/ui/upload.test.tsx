// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { UploadItem, UploadQueue } from '../../src/core/uploadQueue.ts';
import { createTranslator } from '../../src/i18n/createTranslator.ts';
import { addEnglish } from '../../src/i18n/catalogs.ts';
import { messagesEnUpload } from '../../src/i18n/messages.en.upload.ts';
import { UploadRow } from '../../src/ui/upload/UploadRow.tsx';
import { renderSelector, SLOW_LOAD, uiSuite } from './uiFixture.tsx';

addEnglish(messagesEnUpload);

const suite = uiSuite({});

const base: UploadItem = { id: 1, fileName: 'photo.jpg', name: 'photo.jpg', status: 'queued', loaded: 0, total: 1000, replacing: false, cancelling: false };

function queueSpy(): UploadQueue & Record<'cancel' | 'retry' | 'rename' | 'replace', ReturnType<typeof vi.fn>> {
  return { getSnapshot: vi.fn(), subscribe: vi.fn(), add: vi.fn(), clearFinished: vi.fn(), cancel: vi.fn(), retry: vi.fn(), rename: vi.fn(), replace: vi.fn() } as never;
}

/** One row, in a list, as the panel renders it. */
function renderRow(patch: Partial<UploadItem>, locale = 'en') {
  const queue = queueSpy();
  render(
    <ul>
      <UploadRow item={{ ...base, ...patch }} queue={queue} t={createTranslator(locale)} />
    </ul>,
  );
  const row = screen.getByRole('listitem', { name: 'photo.jpg' });
  const buttons = () => within(row).queryAllByRole('button').map((b) => b.textContent);
  return { queue, row, buttons };
}

describe('a file’s row in the upload queue', () => {
  it('uploading: a progress bar named after the file, the percentage in words, Cancel', () => {
    const { row, buttons } = renderRow({ status: 'uploading', loaded: 420, total: 1000 });
    const bar = within(row).getByRole('progressbar', { name: 'photo.jpg' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(within(row).getByText('Uploading: 42%')).toBeTruthy();
    expect(buttons()).toEqual(['Cancel upload']);
  });

  it('the percentage is written as the locale writes it', () => {
    const { row } = renderRow({ status: 'uploading', loaded: 500, total: 1000 }, 'fr');
    expect(row.textContent).toContain(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5));
    expect(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5)).not.toBe('50%');
  });

  it('conflict: Rename and Replace, described by the file name, and Cancel', async () => {
    const { queue, row, buttons } = renderRow({ status: 'conflict', failure: { kind: 'conflict', status: 409 } });
    expect(within(row).getByText('An asset named photo.jpg already exists: rename this one or replace that one')).toBeTruthy();
    expect(buttons()).toEqual(['Rename', 'Replace', 'Cancel upload']);
    const rename = within(row).getByRole('button', { name: 'Rename' });
    expect(document.getElementById(rename.getAttribute('aria-describedby')!)!.textContent).toBe('photo.jpg');
    expect(within(row).queryByRole('progressbar')).toBeNull();
    fireEvent.click(rename);
    expect(queue.rename).toHaveBeenCalledWith(1);
    // The button goes with the state; focus stays in the queue, on the row.
    expect(document.activeElement).toBe(row);
  });

  it('failed: what went wrong, the repository’s words as text (never markup), Retry and Cancel', () => {
    const { queue, row, buttons } = renderRow({ status: 'failed', failure: { kind: 'wrong-type', status: 400, detail: 'Content-Type: says image/jpeg but the bytes are <img src=x onerror=alert(1)>' } });
    expect(within(row).getByText('Wrong type: the repository does not take this file, or it is not what its name says')).toBeTruthy();
    expect(within(row).getByText(/^Content-Type: says image\/jpeg but the bytes are <img/)).toBeTruthy();
    expect(row.querySelector('img')).toBeNull();
    expect(buttons()).toEqual(['Retry', 'Cancel upload']);
    fireEvent.click(within(row).getByRole('button', { name: 'Retry' }));
    expect(queue.retry).toHaveBeenCalledWith(1);
  });

  it('too large', () => {
    const { row } = renderRow({ status: 'failed', failure: { kind: 'too-large', status: 413 } });
    expect(within(row).getByText('Too large: the file is over the repository’s upload limit')).toBeTruthy();
  });

  it('waiting for approval: says it cannot be selected; a refused approval offers Retry', () => {
    let { row, buttons } = renderRow({ status: 'waiting', loaded: 1000 });
    expect(within(row).getByText('Waiting for approval: it can be selected once approved')).toBeTruthy();
    expect(buttons()).toEqual([]);
    row.parentElement!.parentElement!.remove();
    ({ row, buttons } = renderRow({ status: 'waiting', loaded: 1000, approvalFailure: { kind: 'not-allowed', status: 403 } }));
    expect(within(row).getByText('Uploaded, but could not approve it: waiting for approval, it cannot be selected yet')).toBeTruthy();
    expect(buttons()).toEqual(['Retry']);
  });

  it('approved, cancelling, cancelled; a replace being processed cannot be cancelled', () => {
    expect(renderRow({ status: 'approved', loaded: 1000 }).buttons()).toEqual([]);
    expect(screen.getByText('Uploaded and approved: it is in the results')).toBeTruthy();
    document.body.innerHTML = '';
    expect(renderRow({ status: 'processing', loaded: 1000, cancelling: true }).buttons()).toEqual([]);
    expect(screen.getByText('Cancelling…')).toBeTruthy();
    document.body.innerHTML = '';
    expect(renderRow({ status: 'processing', loaded: 1000, replacing: true }).buttons()).toEqual([]);
    document.body.innerHTML = '';
    expect(renderRow({ status: 'processing', loaded: 1000 }).buttons()).toEqual(['Cancel upload']);
    document.body.innerHTML = '';
    renderRow({ status: 'cancelled' });
    expect(screen.getByText('Cancelled')).toBeTruthy();
  });
});

/** A DataTransfer as a drag from the desktop (files) or from a page (text) carries it. */
function transfer(types: string[], files: File[] = []) {
  return { types, files, dropEffect: 'none', effectAllowed: 'all', getData: () => '', setData: () => {} };
}

describe('the selector with the upload option', () => {
  it('without it: no Upload button, drags of files pass through', async () => {
    const { container } = renderSelector({ repository: suite.emulator.url });
    await screen.findAllByRole('gridcell', {}, SLOW_LOAD);
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull();
    const results = container.querySelector('.as-results')!;
    expect(fireEvent.dragOver(results, { dataTransfer: transfer(['Files']) })).toBe(true);
    expect(screen.queryByText('Drop the files here to upload them')).toBeNull();
  });

  it('files dragged over the results show the drop target; text and the selector’s own card drags do not; a drop uploads', async () => {
    const { container, store } = renderSelector({ repository: suite.emulator.url, token: 'dev-token-editor', upload: { folder: '/content/dam/ui-uploads', approve: true } });
    await screen.findAllByRole('gridcell', {}, SLOW_LOAD);
    // The Upload button and the drop zone come with a part of their own (ui/upload/UploadControls.tsx).
    await screen.findByRole('button', { name: 'Upload' });
    const results = container.querySelector('.as-results')!;

    fireEvent.dragEnter(results, { dataTransfer: transfer(['text/plain']) });
    expect(fireEvent.dragOver(results, { dataTransfer: transfer(['text/plain']) })).toBe(true);
    expect(screen.queryByText('Drop the files here to upload them')).toBeNull();

    // A card's own drag (Chromium adds the image as a file) is not an upload.
    const card = screen.getAllByRole('gridcell')[0]!;
    fireEvent.dragStart(card, { dataTransfer: transfer(['text/uri-list']) });
    fireEvent.dragEnter(card, { dataTransfer: transfer(['text/uri-list', 'Files']) });
    expect(screen.queryByText('Drop the files here to upload them')).toBeNull();
    fireEvent.dragEnd(card, { dataTransfer: transfer(['text/uri-list']) });

    fireEvent.dragEnter(results, { dataTransfer: transfer(['Files']) });
    // Cancelled dragover: the browser allows the drop.
    expect(fireEvent.dragOver(results, { dataTransfer: transfer(['Files']) })).toBe(false);
    const target = screen.getByText('Drop the files here to upload them');
    expect(target.getAttribute('aria-live')).toBe('polite');

    const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#884422' } }).png().toBuffer();
    const file = new File([new Uint8Array(png)], 'ui-drop.png', { type: 'image/png' });
    fireEvent.drop(results, { dataTransfer: transfer(['Files'], [file]) });
    expect(screen.queryByText('Drop the files here to upload them')).toBeNull();
    const queue = await screen.findByRole('region', { name: 'Uploads' }, SLOW_LOAD);
    const row = await within(queue).findByRole('listitem', { name: 'ui-drop.png' });
    await waitFor(() => expect(within(row).getByText('Uploaded and approved: it is in the results')).toBeTruthy(), SLOW_LOAD);
    expect(store.getState().uploadFiles).toEqual([]);
    // The asset is in the repository, approved, with the uploaded pixels' size.
    const api = await suite.emulator.fetch('/api/assets/ui-uploads/ui-drop.png.json', { headers: { Authorization: 'Bearer dev-token-editor' } });
    expect((await api.json()).properties).toMatchObject({ 'dam:assetStatus': 'approved', 'tiff:ImageWidth': 24, 'tiff:ImageLength': 16 });

    // Clear finished empties the queue and hides it.
    await act(async () => fireEvent.click(within(queue).getByRole('button', { name: 'Clear finished' })));
    expect(screen.queryByRole('region', { name: 'Uploads' })).toBeNull();
  });

  it('an upload the repository holds but did not approve is listed in the tray as waiting, never selectable nor emitted', async () => {
    const onSelect = vi.fn();
    const name = `ui-wait-${Date.now()}.png`;
    const { container, store } = renderSelector({ repository: suite.emulator.url, token: 'dev-token-contributor', selectionType: 'multiple', onSelect, upload: { folder: '/content/dam/ui-uploads' } });
    await screen.findAllByRole('gridcell', {}, SLOW_LOAD);
    await screen.findByRole('button', { name: 'Upload' });
    const png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#224488' } }).png().toBuffer();
    fireEvent.drop(container.querySelector('.as-results')!, { dataTransfer: transfer(['Files'], [new File([new Uint8Array(png)], name, { type: 'image/png' })]) });
    const tray = screen.getByRole('region', { name: 'Selected assets' });
    const entry = await within(tray).findByText(name, {}, SLOW_LOAD);
    const item = entry.closest('li')!;
    expect(within(item).getByText('Waiting for approval')).toBeTruthy();
    // Nothing in it to choose, edit or remove, and Select still emits nothing.
    expect(within(item).queryAllByRole('button')).toEqual([]);
    expect(store.getState().selection.size).toBe(0);
    await act(async () => store.getState().confirm());
    expect(onSelect.mock.calls.flat(2)).toEqual([]);

    // Clear finished forgets it in the tray too.
    await act(async () => fireEvent.click(within(screen.getByRole('region', { name: 'Uploads' })).getByRole('button', { name: 'Clear finished' })));
    expect(within(tray).queryByText(name)).toBeNull();
    expect(within(tray).getByText('No assets selected')).toBeTruthy();
  });
});
