import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../demo/emulator/server.ts';
import { CORE_MIGRATIONS, type Migration } from '../../demo/emulator/store/migrations.ts';
import { RepositoryStore } from '../../demo/emulator/store/repositoryStore.ts';
import { assetsApi, makeImage, searchNames } from './assetsApiFixture.ts';
import { startTestEmulator } from './emulatorFixture.ts';
import { CATALOG_SIZE } from './searchFixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A test emulator on a given store folder (the fixture's default is a throw-away one). */
const onStore = (dataDir: string, extra: EmulatorOptions = {}) => startTestEmulator({ dataDir, ...extra });

describe('a store on disk', () => {
  it('is seeded from the catalog once, and keeps what was written across restarts', async () => {
    const data = join(dir, 'persist');
    const first = await onStore(data);
    expect(first.emulator.store).toMatchObject({ seededNow: true, seededFrom: 'the sample catalog' });
    const api = assetsApi(first);
    await api.createFolder('/kept');
    const bytes = await makeImage(321, 123, 'png', '#808000');
    await api.upload('/kept/olive.png', bytes, 'image/png');
    await api.setProperties('/kept/olive.png', { 'dam:assetStatus': 'approved', 'dc:title': 'Olive square' });
    await api.setProperties('/samples/kite.jpg', { 'dc:title': 'Kite, retitled' });
    await first.close();

    const second = await onStore(data);
    try {
      expect(second.emulator.store.seededNow).toBe(false);
      expect(second.emulator.context.catalog.assets).toHaveLength(CATALOG_SIZE + 1);
      expect(await searchNames(second, [{ match: { text: 'olive square' } }])).toEqual(['olive.png']);
      expect(await searchNames(second, [{ match: { text: 'retitled' } }])).toEqual(['kite.jpg']);
      const id = (await assetsApi(second).json('/kept/olive.png.json')).properties['repo:assetId'];
      const original = Buffer.from(await (await second.fetch(`/adobe/assets/${id}/original/as/olive.png`)).arrayBuffer());
      expect(createHash('sha256').update(original).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      await second.close();
    }
  });

  it('--reset starts over from the catalog', async () => {
    const data = join(dir, 'persist');
    const reset = await onStore(data, { reset: true });
    try {
      expect(reset.emulator.store.seededNow).toBe(true);
      expect((await assetsApi(reset).api('/kept.json')).status).toBe(404);
      expect(await searchNames(reset, [{ match: { text: 'retitled' } }])).toEqual([]);
    } finally {
      await reset.close();
    }
  });

  it('drops files no row refers to, and what an interrupted upload left, at start', async () => {
    const data = join(dir, 'orphans');
    await (await onStore(data)).close();
    const stray = 'ab'.repeat(32);
    await mkdir(join(data, 'binaries', 'ab'), { recursive: true });
    await writeFile(join(data, 'binaries', 'ab', stray), 'half a binary');
    await writeFile(join(data, 'tmp', 'upload-in-progress'), 'partial');
    const again = await onStore(data);
    try {
      expect(await again.emulator.context.repository.store.binaries.list()).not.toContain(stray);
      expect(await readdir(join(data, 'tmp'))).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('takes new migrations in order, and refuses a store written by newer code', async () => {
    const data = join(dir, 'migrations');
    const next = CORE_MIGRATIONS.at(-1)!.version + 1;
    const extra: Migration = { version: next, description: 'a table a later feature adds', up: (db) => db.exec('CREATE TABLE archives (id TEXT PRIMARY KEY) STRICT') };
    const store = await RepositoryStore.open({ dir: data, migrations: [...CORE_MIGRATIONS, extra] });
    expect(store.db.pragma('user_version', { simple: true })).toBe(next);
    store.db.prepare('INSERT INTO archives (id) VALUES (?)').run('a');
    store.close();
    await expect(RepositoryStore.open({ dir: data })).rejects.toThrow(/newer than this emulator knows/);
    const reopened = await RepositoryStore.open({ dir: data, migrations: [...CORE_MIGRATIONS, extra] });
    expect(reopened.db.prepare('SELECT id FROM archives').all()).toEqual([{ id: 'a' }]);
    reopened.close();
  });

  it('moves a store at schema 1 to collection members, keeping its collections and their items', async () => {
    const data = join(dir, 'schema-1');
    const old = await RepositoryStore.open({ dir: data, migrations: CORE_MIGRATIONS.slice(0, 1) });
    old.db.exec(`
      INSERT INTO folders (path, parent, name, title, created, modified) VALUES ('/content/dam', NULL, 'dam', NULL, 'x', 'x');
      INSERT INTO assets (id, path, folder, name, binary, mime_type, size, width, height, has_alpha, status, restricted_to, repository_metadata, asset_metadata, etag)
        VALUES ('urn:aaid:aem:00000000-0000-4000-8000-000000000001', '/content/dam/a.jpg', '/content/dam', 'a.jpg', 'b', 'image/jpeg', 1, 1, 1, 0, 'approved', '[]', '{}', '{}', 'e');
      INSERT INTO collections (id, title, description, created, modified, etag) VALUES ('urn:cid:aem:00000000-0000-4000-8000-000000000002', 'Old', '', 'x', 'x', 'e');
      INSERT INTO collection_items (collection_id, position, asset_id) VALUES ('urn:cid:aem:00000000-0000-4000-8000-000000000002', 0, 'urn:aaid:aem:00000000-0000-4000-8000-000000000001');
    `);
    old.close();
    const store = await RepositoryStore.open({ dir: data });
    try {
      expect(store.db.prepare('SELECT collection_id, item_id FROM collection_members').all()).toEqual([
        { collection_id: 'urn:cid:aem:00000000-0000-4000-8000-000000000002', item_id: 'urn:aaid:aem:00000000-0000-4000-8000-000000000001' },
      ]);
      // The trigger takes a deleted asset out of its collections, as the foreign key did.
      store.db.prepare('DELETE FROM assets').run();
      expect(store.db.prepare('SELECT count(*) AS n FROM collection_members').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});
