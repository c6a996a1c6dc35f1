import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { BinaryStore } from './binaryStore.ts';
import type { Migration } from './migrations.ts';
import { openDatabase } from './openDatabase.ts';
import type { AssetRow, CommentRow, FolderRow, RenditionRow } from './rows.ts';

export interface RepositoryStoreOptions {
  /** The folder holding `repository.sqlite` and `binaries/`. */
  dir: string;
  /** Delete everything in `dir` first (`--reset`). */
  reset?: boolean;
  /** fsync binaries and commits (default true); off for throw-away stores. */
  durable?: boolean;
  /** The schema steps, by default the core ones; later features append theirs. */
  migrations?: readonly Migration[];
}

const ASSET_COLUMNS =
  'id, path, folder, name, binary, mime_type, size, width, height, has_alpha, status, restricted_to, on_time, off_time, repository_metadata, asset_metadata, etag, in_delivery';
const ASSET_VALUES = ASSET_COLUMNS.split(', ').map((c) => `@${c}`).join(', ');

/**
 * The durable repository: metadata rows in SQLite, binaries as files. Every method is synchronous
 * except those touching binaries, so a write is one transaction that no other request can
 * interleave with. Statements are prepared once.
 */
export class RepositoryStore {
  readonly db: Database;
  readonly binaries: BinaryStore;
  readonly dir: string;
  readonly #statements = new Map<string, Statement>();

  private constructor(dir: string, db: Database, binaries: BinaryStore) {
    this.dir = dir;
    this.db = db;
    this.binaries = binaries;
  }

  static async open({ dir, reset = false, durable = true, migrations }: RepositoryStoreOptions): Promise<RepositoryStore> {
    const root = resolve(dir);
    if (reset) await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const db = openDatabase(join(root, 'repository.sqlite'), { durable, ...(migrations ? { migrations } : {}) });
    const binaries = new BinaryStore(root, { durable });
    await binaries.open();
    const store = new RepositoryStore(root, db, binaries);
    await binaries.removeOrphans(store.referencedBinaries());
    return store;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, cached by its text. */
  sql(text: string): Statement {
    let statement = this.#statements.get(text);
    if (!statement) this.#statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** Runs `fn` in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(key: string): string | undefined {
    return (this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  isEmpty(): boolean {
    return this.sql('SELECT 1 FROM folders LIMIT 1').get() === undefined;
  }

  /** Every binary some row refers to: what `removeOrphans` keeps. */
  referencedBinaries(): Set<string> {
    const rows = this.sql('SELECT binary FROM assets UNION SELECT binary FROM renditions').all() as { binary: string }[];
    return new Set(rows.map((r) => r.binary));
  }

  isBinaryReferenced(sha256: string): boolean {
    return this.sql('SELECT 1 FROM assets WHERE binary = ? UNION ALL SELECT 1 FROM renditions WHERE binary = ? LIMIT 1').get(sha256, sha256) !== undefined;
  }

  // Folders

  folder(path: string): FolderRow | undefined {
    return this.sql('SELECT * FROM folders WHERE path = ?').get(path) as FolderRow | undefined;
  }

  insertFolder(row: FolderRow): void {
    this.sql('INSERT INTO folders (path, parent, name, title, created, modified) VALUES (@path, @parent, @name, @title, @created, @modified)').run(row);
  }

  updateFolderTitle(path: string, title: string | null, modified: string): void {
    this.sql('UPDATE folders SET title = ?, modified = ? WHERE path = ?').run(title, modified, path);
  }

  childFolders(parent: string): FolderRow[] {
    return this.sql('SELECT * FROM folders WHERE parent = ? ORDER BY name').all(parent) as FolderRow[];
  }

  /** The folder and every folder below it, parents before children. */
  folderTree(path: string): FolderRow[] {
    return this.sql("SELECT * FROM folders WHERE path = ? OR path LIKE ? ESCAPE '\\' ORDER BY length(path), path").all(path, `${escapeLike(path)}/%`) as FolderRow[];
  }

  deleteFolders(paths: readonly string[]): void {
    const statement = this.sql('DELETE FROM folders WHERE path = ?');
    for (const path of paths) statement.run(path);
  }

  allFolders(): FolderRow[] {
    return this.sql('SELECT * FROM folders ORDER BY path').all() as FolderRow[];
  }

  // Assets

  asset(id: string): AssetRow | undefined {
    return this.sql('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
  }

  assetAt(path: string): AssetRow | undefined {
    return this.sql('SELECT * FROM assets WHERE path = ?').get(path) as AssetRow | undefined;
  }

  assetsIn(folder: string): AssetRow[] {
    return this.sql('SELECT * FROM assets WHERE folder = ? ORDER BY name').all(folder) as AssetRow[];
  }

  /** Every asset in the folder or below it. */
  assetsUnder(path: string): AssetRow[] {
    return this.sql("SELECT * FROM assets WHERE folder = ? OR folder LIKE ? ESCAPE '\\'").all(path, `${escapeLike(path)}/%`) as AssetRow[];
  }

  allAssets(): AssetRow[] {
    return this.sql('SELECT * FROM assets').all() as AssetRow[];
  }

  insertAsset(row: AssetRow): void {
    this.sql(`INSERT INTO assets (${ASSET_COLUMNS}) VALUES (${ASSET_VALUES})`).run(row);
  }

  updateAsset(row: AssetRow): void {
    const sets = ASSET_COLUMNS.split(', ').filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ');
    this.sql(`UPDATE assets SET ${sets} WHERE id = @id`).run(row);
  }

  /** Each asset's last announced delivery state. */
  deliveryStates(): Array<{ id: string; in_delivery: number }> {
    return this.sql('SELECT id, in_delivery FROM assets').all() as Array<{ id: string; in_delivery: number }>;
  }

  setInDelivery(id: string, inDelivery: boolean): void {
    this.sql('UPDATE assets SET in_delivery = ? WHERE id = ?').run(inDelivery ? 1 : 0, id);
  }

  deleteAsset(id: string): void {
    this.sql('DELETE FROM assets WHERE id = ?').run(id);
  }

  // Renditions and comments

  renditions(assetId: string): RenditionRow[] {
    return this.sql('SELECT * FROM renditions WHERE asset_id = ? ORDER BY name').all(assetId) as RenditionRow[];
  }

  rendition(assetId: string, name: string): RenditionRow | undefined {
    return this.sql('SELECT * FROM renditions WHERE asset_id = ? AND name = ?').get(assetId, name) as RenditionRow | undefined;
  }

  putRendition(row: RenditionRow): void {
    this.sql(
      'INSERT INTO renditions (asset_id, name, binary, mime_type, size, created) VALUES (@asset_id, @name, @binary, @mime_type, @size, @created) ' +
        'ON CONFLICT (asset_id, name) DO UPDATE SET binary = excluded.binary, mime_type = excluded.mime_type, size = excluded.size, created = excluded.created',
    ).run(row);
  }

  deleteRendition(assetId: string, name: string): void {
    this.sql('DELETE FROM renditions WHERE asset_id = ? AND name = ?').run(assetId, name);
  }

  comments(assetId: string): CommentRow[] {
    return this.sql('SELECT * FROM comments WHERE asset_id = ? ORDER BY created, id').all(assetId) as CommentRow[];
  }

  insertComment(row: CommentRow): void {
    this.sql('INSERT INTO comments (id, asset_id, message, annotation_data, author, created) VALUES (@id, @asset_id, @message, @annotation_data, @author, @created)').run(row);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
