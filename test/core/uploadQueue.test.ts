import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskLimit } from '../../src/core/taskLimit.ts';
import { createUploadQueue, type UploadItem, type UploadSettings } from '../../src/core/uploadQueue.ts';
import type { UploadCall, UploadTransport } from '../../src/core/uploadTransport.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { assetsApi, makeImage, searchNames } from '../emulator/assetsApiFixture.ts';

/**
 * The queue against a real emulator: fetch stands in for XMLHttpRequest (Node has none), so
 * progress jumps from 0 to the whole file, and the body counts as sent at once (so Cancel always
 * waits for the answer and deletes what was made). The e2e spec drives the XHR path in Chromium.
 */
function fetchTransport(calls: UploadCall[]): UploadTransport {
  return async (call) => {
    calls.push(call);
    if (call.body !== undefined) call.onSent?.();
    let response: Response;
    try {
      response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body ?? null, signal: call.signal ?? null });
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      return { status: 0, text: String(error) };
    }
    return { status: response.status, text: await response.text() };
  };
}

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ uploadLimit: 200 * 1024 });
});
afterAll(() => e.close());

function queueFor(settings: Partial<UploadSettings> = {}) {
  const calls: UploadCall[] = [];
  const queue = createUploadQueue(() => ({ repository: e.url, folder: '/content/dam/queue-tests', approve: true, token: 'dev-token-editor', ...settings }), createTaskLimit(2), fetchTransport(calls));
  const settled = (count: number, done: (items: readonly UploadItem[]) => boolean = (items) => items.every((i) => !['queued', 'uploading', 'processing', 'approving'].includes(i.status) && !i.cancelling)) =>
    new Promise<readonly UploadItem[]>((resolve) => {
      const check = () => {
        const { items } = queue.getSnapshot();
        if (items.length === count && done(items)) {
          unsubscribe();
          resolve(items);
        }
      };
      const unsubscribe = queue.subscribe(check);
      check();
    });
  return { queue, calls, settled };
}

const file = async (name: string, width = 64, height = 48, colour = '#c04020') => new File([await makeImage(width, height, 'jpeg', colour)], name, { type: 'image/jpeg' });

describe('upload queue', () => {
  it('creates the missing folders, uploads, approves: the assets are searchable; the token is only a header', async () => {
    const { queue, calls, settled } = queueFor({ folder: '/content/dam/queue-tests/deep/er' });
    queue.add([await file('qa-one.jpg', 64, 48), await file('qa-two.jpg', 30, 90)]);
    const items = await settled(2);
    expect(items.map((i) => [i.name, i.status, i.loaded, i.total])).toEqual([
      ['qa-one.jpg', 'approved', items[0]!.total, items[0]!.total],
      ['qa-two.jpg', 'approved', items[1]!.total, items[1]!.total],
    ]);
    expect(items.map((i) => [i.asset?.width, i.asset?.height, i.asset?.path])).toEqual([
      [64, 48, '/content/dam/queue-tests/deep/er/qa-one.jpg'],
      [30, 90, '/content/dam/queue-tests/deep/er/qa-two.jpg'],
    ]);
    expect(queue.getSnapshot().approved).toBe(2);
    expect(await searchNames(e, [{ term: { 'repositoryMetadata.repo:path': ['/content/dam/queue-tests/deep/er'] } }])).toEqual(expect.arrayContaining(['qa-one.jpg', 'qa-two.jpg']));
    for (const call of calls) {
      expect(call.url).not.toContain('dev-token');
      expect(call.headers.Authorization).toBe('Bearer dev-token-editor');
    }
    // The folder chain was made once, by the first file.
    expect(calls.filter((c) => c.method === 'POST' && c.body !== undefined && typeof c.body === 'string').map((c) => c.url.replace(e.url, ''))).toEqual([
      '/api/assets/queue-tests',
      '/api/assets/queue-tests/deep',
      '/api/assets/queue-tests/deep/er',
    ]);
  });

  it('a taken name is a conflict: Rename takes the next free name, Replace puts the new binary', async () => {
    const api = assetsApi(e);
    const first = queueFor();
    first.queue.add([await file('clash.jpg', 40, 40)]);
    await first.settled(1);
    // clash-1.jpg is taken too, so Rename goes on to clash-2.jpg.
    expect((await api.upload('/queue-tests/clash-1.jpg', await makeImage(8, 8))).status).toBe(201);

    const second = queueFor();
    second.queue.add([await file('clash.jpg', 50, 20)]);
    let [item] = await second.settled(1);
    expect(item).toMatchObject({ status: 'conflict', failure: { kind: 'conflict', status: 409 } });
    second.queue.rename(item!.id);
    [item] = await second.settled(1, (items) => items[0]!.status === 'approved');
    expect(item).toMatchObject({ name: 'clash-2.jpg', asset: { width: 50, height: 20 } });

    const third = queueFor();
    third.queue.add([await file('clash.jpg', 120, 60)]);
    [item] = await third.settled(1);
    expect(item!.status).toBe('conflict');
    third.queue.replace(item!.id);
    [item] = await third.settled(1, (items) => items[0]!.status === 'approved');
    expect(item).toMatchObject({ name: 'clash.jpg', replacing: true, asset: { width: 120, height: 60 } });
    expect((await api.json('/queue-tests/clash.jpg.json')).properties['tiff:ImageWidth']).toBe(120);
  });

  it('wrong type: not a type the repository takes, or bytes that are not what the file says', async () => {
    const { queue, settled } = queueFor();
    queue.add([new File(['just some text'], 'notes.jpg', { type: 'image/jpeg' }), new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    const items = await settled(2);
    expect(items.map((i) => [i.status, i.failure?.kind, i.failure?.status])).toEqual([
      ['failed', 'wrong-type', 400],
      ['failed', 'wrong-type', 415],
    ]);
    expect(items[0]!.failure!.detail).toMatch(/^Content-Type: /);

  });

  it('a token that may write but not approve leaves the asset waiting for approval, not searchable', async () => {
    const { queue, settled } = queueFor({ token: 'dev-token-contributor' });
    queue.add([await file('qa-waiting.jpg')]);
    const [item] = await settled(1);
    expect(item!.failure).toBeUndefined();
    expect(item).toMatchObject({ status: 'waiting', approvalFailure: { kind: 'not-allowed', status: 403 }, asset: { status: 'draft' } });
    expect(queue.getSnapshot().approved).toBe(0);
    expect(await searchNames(e, [{ match: { text: 'qa-waiting' } }])).toEqual([]);
    // Without `approve`, no approval is asked for at all.
    const plain = queueFor({ approve: false, token: 'dev-token-contributor' });
    plain.queue.add([await file('qa-plain.jpg')]);
    const [waiting] = await plain.settled(1);
    expect(waiting).toMatchObject({ status: 'waiting' });
    expect(waiting!.approvalFailure).toBeUndefined();
  });

  it('Cancel drops a queued file unsent, and deletes an asset the repository already made', async () => {
    const { queue, calls, settled } = queueFor();
    queue.add([await file('qa-c1.jpg'), await file('qa-c2.jpg'), await file('qa-c3.jpg')]);
    const [one, , three] = queue.getSnapshot().items;
    // Two upload at a time: the third is still queued; the first two are sent (fetch: at once).
    expect(three!.status).toBe('queued');
    queue.cancel(three!.id);
    await new Promise((r) => setTimeout(r, 0));
    queue.cancel(one!.id);
    const items = await settled(3);
    expect(items.map((i) => [i.name, i.status])).toEqual([
      ['qa-c1.jpg', 'cancelled'],
      ['qa-c2.jpg', 'approved'],
      ['qa-c3.jpg', 'cancelled'],
    ]);
    expect(calls.some((c) => c.url.endsWith('/qa-c3.jpg'))).toBe(false);
    const api = assetsApi(e);
    expect((await api.api('/queue-tests/qa-c1.jpg.json')).status).toBe(404);
    expect((await api.api('/queue-tests/qa-c2.jpg.json')).status).toBe(200);
    queue.clearFinished();
    expect(queue.getSnapshot().items).toEqual([]);
  });

  // Last: Node's fetch may find the connection the 413 closed broken for a while after.
  it('too large is told apart; Retry sends again', async () => {
    const big = queueFor();
    big.queue.add([new File([new Uint8Array(300 * 1024)], 'big.jpg', { type: 'image/jpeg' })]);
    const [tooLarge] = await big.settled(1);
    expect(tooLarge).toMatchObject({ status: 'failed', failure: { kind: 'too-large', status: 413 } });
    big.queue.retry(tooLarge!.id);
    const [again] = await big.settled(1, (i) => i[0]!.status === 'failed');
    expect(again!.failure!.kind).toBe('too-large');
  });
});
