import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';
import { assetsApi, EDITOR, expectProblem, makeImage, READER } from './assetsApiFixture.ts';

interface Received {
  type: string;
  data: { assetId: string; repositoryMetadata: Record<string, unknown> };
  [key: string]: unknown;
}

/** A webhook receiver on loopback that records what it gets and can be told to fail. */
async function receiver() {
  const events: Received[] = [];
  const requests: Array<{ url: string; contentType: string | undefined }> = [];
  let failures = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', contentType: req.headers['content-type'] });
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      events.push(JSON.parse(body) as Received);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/assets`,
    events,
    requests,
    failNext: (n: number) => (failures = n),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let hook: Awaited<ReturnType<typeof receiver>>;
let e: TestEmulator;
let api: ReturnType<typeof assetsApi>;
const log = vi.spyOn(console, 'log');
beforeAll(async () => {
  hook = await receiver();
  log.mockImplementation(() => {});
  e = await startTestEmulator({ webhooks: [`${hook.url}?token=webhook-secret`], webhookRetry: { attempts: 3, baseDelayMs: 100 }, log: true });
  api = assetsApi(e);
  await api.createFolder('/events');
});
afterAll(async () => {
  log.mockRestore();
  await e.close();
  await hook.close();
});
afterEach(() => {
  hook.events.length = 0;
});

const ofAsset = (id: string) => hook.events.filter((x) => x.data.assetId === id).map((x) => x.type);

describe('delivery events', () => {
  it('a webhook on loopback gets "ready" on approval and "removed" on unapproval and deletion, as CloudEvents', async () => {
    const id = (await (await api.upload('/events/ready.jpg', await makeImage(40, 40))).json()).properties['repo:assetId'];
    await api.setProperties('/events/ready.jpg', { 'dam:assetStatus': 'approved' });
    await until(() => ofAsset(id).length === 1, 'the ready event');
    const ready = hook.events[0]!;
    expect(ready).toMatchObject({
      specversion: '1.0',
      type: 'aem.assets.asset.ready_for_delivery',
      source: expect.stringMatching(/^acct:aem-p\d+-e\d+@adobe\.com$/),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      datacontenttype: 'application/json',
      data: { assetId: id, repositoryMetadata: { 'repo:name': 'ready.jpg', 'repo:path': '/content/dam/events/ready.jpg', 'dc:format': 'image/jpeg' } },
    });
    expect(Date.parse(ready.time as string)).not.toBeNaN();
    expect(hook.requests[0]).toMatchObject({ url: '/hooks/assets?token=webhook-secret', contentType: 'application/json' });
    // A metadata change of a delivered asset is no event; a new binary makes it ready again.
    await api.setProperties('/events/ready.jpg', { 'dc:title': 'Still ready' });
    await api.api('/events/ready.jpg', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: await makeImage(30, 30, 'png') });
    await api.setProperties('/events/ready.jpg', { 'dam:assetStatus': 'rejected' });
    await until(() => ofAsset(id).length === 3, 'the refreshed and removed events');
    expect(ofAsset(id)).toEqual(['aem.assets.asset.ready_for_delivery', 'aem.assets.asset.ready_for_delivery', 'aem.assets.asset.removed_from_delivery']);
    await api.setProperties('/events/ready.jpg', { 'dam:assetStatus': 'approved' });
    await api.api('/events/ready.jpg', { method: 'DELETE' });
    await until(() => ofAsset(id).length === 5, 'the events of approval and deletion');
    expect(ofAsset(id).slice(3)).toEqual(['aem.assets.asset.ready_for_delivery', 'aem.assets.asset.removed_from_delivery']);
  });

  it('on and off times crossing now send events by themselves', async () => {
    const id = (await (await api.upload('/events/timed.jpg', await makeImage(20, 20))).json()).properties['repo:assetId'];
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    await api.setProperties('/events/timed.jpg', { 'dam:assetStatus': 'approved', onTime: soon(400), offTime: soon(900) });
    expect(ofAsset(id)).toEqual([]);
    await until(() => ofAsset(id).length === 2, 'the on and off times to pass');
    expect(ofAsset(id)).toEqual(['aem.assets.asset.ready_for_delivery', 'aem.assets.asset.removed_from_delivery']);
    expect((await e.fetch(`/adobe/assets/${id}/metadata`)).status).toBe(404);
  });

  it('retries a failing webhook with backoff, lists deliveries at /_emulator/events, and never logs the secret', async () => {
    hook.failNext(2);
    const id = (await (await api.upload('/events/retried.jpg', await makeImage(20, 20))).json()).properties['repo:assetId'];
    await api.setProperties('/events/retried.jpg', { 'dam:assetStatus': 'approved' });
    await until(() => ofAsset(id).length === 1, 'the third attempt');
    const listed = await (await e.fetch('/_emulator/events', { headers: EDITOR })).json();
    const entry = listed.events.find((x: { event: Received }) => x.event.data.assetId === id);
    expect(entry.deliveries).toEqual([{ target: hook.url, attempts: 3, state: 'delivered', status: 200, settledAt: expect.any(String) }]);
    expect(listed.events[0].event.data.assetId).toBe(id);

    hook.failNext(3);
    const sent = hook.requests.length;
    await api.setProperties('/events/retried.jpg', { 'dam:assetStatus': 'draft' });
    await until(() => hook.requests.length >= sent + 3, 'three failed attempts');
    let failed: { deliveries: Array<{ state: string }> } | undefined;
    for (let i = 0; i < 100 && failed?.deliveries[0]?.state !== 'failed'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 20));
      failed = (await (await e.fetch('/_emulator/events', { headers: EDITOR })).json()).events[0];
    }
    expect(failed!.deliveries[0]).toMatchObject({ attempts: 3, state: 'failed', status: 503 });

    const lines = log.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(lines).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+\/hooks\/assets aem\.assets\.asset\.ready_for_delivery .* → 200 \(attempt 3\)/);
    expect(lines).toMatch(/gave up after 3 attempts/);
    expect(lines).not.toMatch(/webhook-secret|dev-token/);
  });

  it('the event list is for authors only', async () => {
    await expectProblem(await e.fetch('/_emulator/events'), 401, 'Authorization');
    await expectProblem(await e.fetch('/_emulator/events', { headers: READER }), 403, 'Authorization');
  });
});
