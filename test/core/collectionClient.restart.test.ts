import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { collectionsApi } from '../../src/core/collectionClient.ts';
import { createRepositoryClient } from '../../src/core/repositoryClient.ts';
import { launchCli, type RunningCli } from '../emulator/cliFixture.ts';

const root = await mkdtemp(join(tmpdir(), 'collections-restart-'));
const data = join(root, 'data');
let running: RunningCli | undefined;
afterAll(async () => {
  await running?.stop();
  await rm(root, { recursive: true, force: true });
});

/** The functions the selector's Collections view calls, against the emulator as a process on a `--data` folder. */
const api = (url: string, token?: string) => collectionsApi(createRepositoryClient({ repository: url, ...(token ? { token } : {}) }), url);

it('a collection made with the selector’s own client, then changed, comes back whole after the emulator restarts', { timeout: 120_000 }, async () => {
  running = await launchCli(data);
  const first = running.url;
  const hits = (await createRepositoryClient({ repository: first }).search({ query: [{ match: { text: 'kite' } }], limit: 10 })).hits.results;
  const ids = hits.map((h) => h.assetId);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  const made = await api(first, 'dev-token-contributor').create({ title: 'Kites, kept', description: 'made before a restart', assetIds: [ids[0]!] });
  await api(first, 'dev-token-contributor').changeItems(made.collection.id, made.etag, 'add', [ids[1]!]);
  await running.stop();

  running = await launchCli(data);
  const again = api(running.url);
  const listed = (await again.list()).items.find((c) => c.id === made.collection.id);
  expect(listed).toEqual({ id: made.collection.id, title: 'Kites, kept', description: 'made before a restart' });
  expect(await again.members(made.collection.id)).toEqual(ids.slice(0, 2));
});
