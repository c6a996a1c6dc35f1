import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, makeImage } from './assetsApiFixture.ts';
import { launchCli, type RunningCli } from './cliFixture.ts';

/** The real CLI on a store folder; these tests stop it with SIGKILL (kill9). */
function launch(data: string, env: Record<string, string> = {}): Promise<RunningCli> {
  return launchCli(data, [], env);
}

function kill9(running: RunningCli): Promise<void> {
  return new Promise((done) => {
    if (running.child.exitCode !== null) return done();
    running.child.once('exit', () => done());
    running.child.kill('SIGKILL');
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * What a consistent store looks like after a restart: every row's binary is on disk, every file
 * on disk is some row's, nothing is left in tmp/, and search shows exactly the approved public
 * rows of the database.
 */
async function expectConsistent(data: string, url: string): Promise<void> {
  const db = new Database(join(data, 'repository.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT binary FROM assets UNION SELECT binary FROM renditions').all() as { binary: string }[];
    const referenced = new Set(rows.map((r) => r.binary));
    const onDisk = new Set<string>();
    for (const shard of await readdir(join(data, 'binaries'))) for (const file of await readdir(join(data, 'binaries', shard))) onDisk.add(file);
    expect([...referenced].filter((h) => !onDisk.has(h))).toEqual([]);
    expect([...onDisk].filter((h) => !referenced.has(h))).toEqual([]);
    expect(await readdir(join(data, 'tmp'))).toEqual([]);
    const now = new Date().toISOString();
    const visible = (
      db.prepare("SELECT count(*) AS n FROM assets WHERE status = 'approved' AND restricted_to = '[]' AND (on_time IS NULL OR on_time <= ?) AND (off_time IS NULL OR off_time > ?)").get(now, now) as { n: number }
    ).n;
    const search = await (await fetch(`${url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":[{"match":{"text":"*"}}]}' })).json();
    expect(search.search_metadata.totalCount.total).toBe(visible);
  } finally {
    db.close();
  }
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crash-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a crash', () => {
  it('mid-body (kill -9 while the upload streams): no asset, no partial file, after a restart', async () => {
    const data = join(root, 'mid-body');
    const first = await launch(data);
    const req = request(`${first.url}/api/assets/samples/huge.jpg`, { method: 'POST', headers: { ...EDITOR, 'Content-Type': 'image/jpeg', 'Content-Length': String(64 * 1024 * 1024) } });
    req.on('error', () => {});
    const chunk = Buffer.alloc(1024 * 1024, 7);
    for (let i = 0; i < 4; i++) req.write(chunk);
    await until(async () => (await readdir(join(data, 'tmp'))).length > 0, 'the upload to reach the disk');
    await kill9(first);
    req.destroy();

    const second = await launch(data);
    try {
      expect((await fetch(`${second.url}/api/assets/samples/huge.jpg.json`, { headers: EDITOR })).status).toBe(404);
      await expectConsistent(data, second.url);
    } finally {
      await kill9(second);
    }
  });

  it('between the binary and its row: the binary is an orphan, removed at restart', async () => {
    const data = join(root, 'before-commit');
    const first = await launch(data, { ASSET_EMULATOR_PAUSE: 'before-commit' });
    const bytes = await makeImage(240, 160, 'png', '#0a0');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    void fetch(`${first.url}/api/assets/samples/paused.png`, { method: 'POST', headers: { ...EDITOR, 'Content-Type': 'image/png' }, body: bytes }).catch(() => undefined);
    await until(() => first.stderr().includes('paused before-commit'), 'the pause before the commit');
    expect(existsSync(join(data, 'binaries', sha256.slice(0, 2), sha256))).toBe(true);
    await kill9(first);

    const second = await launch(data);
    try {
      expect((await fetch(`${second.url}/api/assets/samples/paused.png.json`, { headers: EDITOR })).status).toBe(404);
      expect(existsSync(join(data, 'binaries', sha256.slice(0, 2), sha256))).toBe(false);
      await expectConsistent(data, second.url);
    } finally {
      await kill9(second);
    }
  });

  it('just after the commit: the asset is there whole, approved and searchable, after a restart', async () => {
    const data = join(root, 'after-commit');
    const first = await launch(data, { ASSET_EMULATOR_PAUSE: 'after-commit' });
    const bytes = await makeImage(200, 100, 'jpeg', '#fa0');
    const form = new FormData();
    form.set('name', 'committed.jpg');
    form.set('dam:assetStatus', 'approved');
    form.set('jcr:title', 'Committed before the crash');
    form.set('file', new Blob([bytes], { type: 'image/jpeg' }), 'committed.jpg');
    void fetch(`${first.url}/api/assets/samples/*`, { method: 'POST', headers: EDITOR, body: form }).catch(() => undefined);
    await until(() => first.stderr().includes('paused after-commit'), 'the pause after the commit');
    await kill9(first);

    const second = await launch(data);
    try {
      const asset = await (await fetch(`${second.url}/api/assets/samples/committed.jpg.json`, { headers: EDITOR })).json();
      expect(asset.properties).toMatchObject({ 'tiff:ImageWidth': 200, 'tiff:ImageLength': 100, 'dam:assetStatus': 'approved' });
      const search = await (await fetch(`${second.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":[{"match":{"text":"committed crash"}}]}' })).json();
      expect(search.hits.results.map((h: { assetId: string }) => h.assetId)).toEqual([asset.properties['repo:assetId']]);
      const original = Buffer.from(await (await fetch(`${second.url}/adobe/assets/${asset.properties['repo:assetId']}/original/as/committed.jpg`)).arrayBuffer());
      expect(original.equals(Buffer.from(bytes))).toBe(true);
      await expectConsistent(data, second.url);
    } finally {
      await kill9(second);
    }
  });
});
