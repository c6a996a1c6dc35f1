import { randomUUID } from 'node:crypto';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { createBinaryCache } from '../catalog/binaryCache.ts';
import { createCatalog, type Catalog, type CollectionRecord } from '../catalog/catalog.ts';
import { syntheticCatalog } from '../catalog/syntheticCatalog.ts';
import { notFound, ProblemError } from '../http/problem.ts';
import type { ReceivedBinary } from '../store/binaryStore.ts';
import { CollectionStore } from '../store/collectionStore.ts';
import type { RepositoryStore } from '../store/repositoryStore.ts';
import type { CommentRow, FolderRow, RenditionRow } from '../store/rows.ts';
import type { Visibility } from './assetProperties.ts';
import type { MeasuredBinary } from './contentCheck.ts';
import { DAM_ROOT, nameOf, parentOf } from './damPath.ts';
import { BinaryReferences } from './binaryReferences.ts';
import { pauseAt } from './pauseAt.ts';
import { seedStore } from './seedStore.ts';
import { assetFromRow, isDeliverable, newAssetRecord, revise, rowFromAsset, withPixelSize } from './storedAsset.ts';

/** One asset's change: created (no `before`), changed, or deleted (no `after`). */
export interface AssetChange {
  before?: AssetRecord;
  after?: AssetRecord;
}

type ChangeListener = (changes: readonly AssetChange[]) => void;

export interface RepositoryOptions {
  /** Loads the catalog that seeds an empty store. */
  seed: () => Promise<Catalog>;
  /** Recorded in the store, so a later start can say where its assets came from. */
  seedSource: string;
  /** Serve this many read-only synthetic assets (in memory) over the stored ones. */
  synthetic?: number;
}

export const conflict = (path: string, detail: string) => new ProblemError(409, `path: ${path} ${detail}`, 'path');

/**
 * The live repository: the store's assets (and any synthetic ones) in memory as frozen records,
 * and every write. A write commits its binary first, then its rows in one transaction, then
 * swaps the records and tells the listeners (search index, caches, delivery events) what changed.
 * It implements {@link Catalog}, so the delivery and search routes read it as they read a catalog.
 */
export class Repository implements Catalog {
  readonly byId = new Map<string, AssetRecord>();
  collections: CollectionRecord[] = [];
  readonly store: RepositoryStore;
  /** Whether the store was seeded at this start, and from where it was seeded. */
  readonly seeded: { now: boolean; from: string | undefined };
  readonly #readFile = createBinaryCache();
  readonly #listeners: ChangeListener[] = [];


  readonly #syntheticIds = new Set<string>();
  readonly #references: BinaryReferences;

  private constructor(store: RepositoryStore, seeded: { now: boolean; from: string | undefined }) {
    this.store = store;
    this.seeded = seeded;
    this.#references = new BinaryReferences(store, (file) => this.#readFile.forget(file));
  }

  static async open(store: RepositoryStore, options: RepositoryOptions): Promise<Repository> {
    let seededNow = false;
    if (store.isEmpty()) {
      await seedStore(store, await options.seed(), options.seedSource);
      seededNow = true;
    }
    const repository = new Repository(store, { now: seededNow, from: store.getMeta('seededFrom') });
    for (const row of store.allAssets()) repository.byId.set(row.id, assetFromRow(row, (hash) => store.binaries.pathOf(hash)));
    repository.loadCollections();
    if (options.synthetic !== undefined) {
      const images = [...repository.byId.values()].filter((a) => a.mimeType.startsWith('image/'));
      const synthetic = syntheticCatalog(createCatalog(images, [], (a) => repository.readBinary(a)), options.synthetic);
      for (const asset of synthetic.assets) {
        repository.byId.set(asset.id, asset);
        repository.#references.pin(asset.binaryHash);
        repository.#syntheticIds.add(asset.id);
      }
    }
    return repository;
  }

  get assets(): AssetRecord[] {
    return [...this.byId.values()];
  }

  /** The original's bytes; a binary deleted meanwhile is a 404, as the asset now is. */
  async readBinary(asset: AssetRecord): Promise<Buffer> {
    try {
      return await this.#readFile(asset.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`assetId: no asset ${asset.id} is available`, 'assetId');
      throw error;
    }
  }

  readRendition(row: RenditionRow): Promise<Buffer> {
    return this.#readFile(this.store.binaries.pathOf(row.binary));
  }

  /** Synthetic assets live in memory only: no folder, no row, no events. */
  isSynthetic(id: string): boolean {
    return this.#syntheticIds.has(id);
  }

  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  /** Called for each binary deleted from the store, for caches keyed by it. */
  onBinaryDeleted(listener: (sha256: string) => void): void {
    this.#references.onDeleted(listener);
  }

  // Reads

  folder(path: string): FolderRow | undefined {
    return this.store.folder(path);
  }

  /** The stored asset at a DAM path (synthetic assets have no place in the folder tree). */
  assetAt(path: string): AssetRecord | undefined {
    const row = this.store.assetAt(path);
    return row ? this.byId.get(row.id) : undefined;
  }

  children(path: string): { folders: FolderRow[]; assets: AssetRecord[] } {
    return {
      folders: this.store.childFolders(path),
      assets: this.store.assetsIn(path).flatMap((row) => this.byId.get(row.id) ?? []),
    };
  }

  renditions(assetId: string): RenditionRow[] {
    return this.store.renditions(assetId);
  }

  comments(assetId: string): CommentRow[] {
    return this.store.comments(assetId);
  }

  /** A 409 unless nothing is at `path`; a 412 unless its parent folder exists. */
  checkFree(path: string): void {
    if (this.store.folder(path) || this.store.assetAt(path)) {
      throw conflict(path, 'already exists; PUT to replace it, or choose another name');
    }
    const parent = parentOf(path);
    if (parent === null || !this.store.folder(parent)) {
      throw new ProblemError(412, `path: the folder ${parent ?? path} does not exist; create it first`, 'path');
    }
  }

  // Writes

  createFolder(path: string, title: string | null): FolderRow {
    const now = new Date().toISOString();
    const row: FolderRow = { path, parent: parentOf(path), name: nameOf(path), title, created: now, modified: now };
    this.store.transaction(() => {
      this.checkFree(path);
      this.store.insertFolder(row);
    });
    return row;
  }

  updateFolderTitle(path: string, title: string | null): void {
    this.store.updateFolderTitle(path, title, new Date().toISOString());
  }

  /** Commits the binary, then the asset's row: exactly one of two racing uploads to one path wins. */
  async createAsset(input: { path: string; received: ReceivedBinary; measured: MeasuredBinary; assetMetadata: Record<string, unknown>; visibility: Visibility }): Promise<AssetRecord> {
    const now = new Date().toISOString();
    const { file, release } = await this.commitBinary(input.received);
    await pauseAt('before-commit');
    const record = newAssetRecord({ ...input, file, now });
    try {
      this.store.transaction(() => {
        this.checkFree(input.path);
        this.store.insertAsset(rowFromAsset(record, isDeliverable(record)));
      });
    } finally {
      release();
    }
    await pauseAt('after-commit');
    this.publish([{ after: record }]);
    return record;
  }

  /** Replaces the original; width, height, format and size come from the new bytes. */
  async replaceBinary(asset: AssetRecord, received: ReceivedBinary, measured: MeasuredBinary): Promise<AssetRecord> {
    const { file, release } = await this.commitBinary(received);
    const now = new Date().toISOString();
    const current = this.byId.get(asset.id);
    if (!current) {
      release();
      throw notFound(`path: the asset was deleted meanwhile`, 'path');
    }
    const next = revise(
      current,
      {
        file,
        binaryHash: received.sha256,
        mimeType: measured.mimeType,
        size: received.size,
        width: measured.width,
        height: measured.height,
        hasAlpha: measured.hasAlpha,
        repositoryMetadata: { ...current.repositoryMetadata, 'repo:size': received.size, 'dc:format': measured.mimeType },
        assetMetadata: withPixelSize(current.assetMetadata, measured),
      },
      now,
    );
    try {
      this.store.transaction(() => this.store.updateAsset(rowFromAsset(next, isDeliverable(next))));
    } finally {
      release();
    }
    this.publish([{ before: current, after: next }]);
    this.releaseBinaries([current.binaryHash]);
    return next;
  }

  updateMetadata(asset: AssetRecord, assetMetadata: Record<string, unknown>, visibility: Visibility): AssetRecord {
    const next = revise(asset, { assetMetadata, visibility }, new Date().toISOString());
    this.store.transaction(() => this.store.updateAsset(rowFromAsset(next, isDeliverable(next))));
    this.publish([{ before: asset, after: next }]);
    return next;
  }

  async putRendition(asset: AssetRecord, name: string, received: ReceivedBinary, mimeType: string): Promise<{ created: boolean }> {
    const { release } = await this.commitBinary(received);
    const previous = this.store.rendition(asset.id, name);
    try {
      if (!this.byId.has(asset.id)) throw notFound('path: the asset was deleted meanwhile', 'path');
      this.store.putRendition({ asset_id: asset.id, name, binary: received.sha256, mime_type: mimeType, size: received.size, created: new Date().toISOString() });
    } finally {
      release();
    }
    if (previous) this.releaseBinaries([previous.binary]);
    return { created: !previous };
  }

  deleteRendition(asset: AssetRecord, name: string): void {
    const row = this.store.rendition(asset.id, name);
    if (!row) throw notFound(`renditionName: ${asset.name} has no rendition "${name}"`, 'renditionName');
    this.store.deleteRendition(asset.id, name);
    this.releaseBinaries([row.binary]);
  }

  addComment(asset: AssetRecord, message: string, annotationData: string | null, author: string): CommentRow {
    const row: CommentRow = { id: randomUUID(), asset_id: asset.id, message, annotation_data: annotationData, author, created: new Date().toISOString() };
    this.store.insertComment(row);
    return row;
  }

  /**
   * Swaps in new records and tells the listeners. Called after the rows committed, so what the
   * listeners make visible (search, delivery, events) is always what a restart would load.
   */
  publish(changes: readonly AssetChange[]): void {
    for (const { before, after } of changes) {
      if (before && (!after || after.id !== before.id)) this.byId.delete(before.id);
      if (after) this.byId.set(after.id, after);
    }
    // A deleted asset left its collections with it (the rows cascade).
    if (changes.some((c) => !c.after)) this.loadCollections();
    for (const listener of this.#listeners) listener(changes);
  }

  /** Deletes binaries no row (and no synthetic asset) refers to any more, and forgets them. */
  releaseBinaries(hashes: Iterable<string>): void {
    this.#references.release(hashes);
  }

  private commitBinary(received: ReceivedBinary): Promise<{ file: string; release: () => void }> {
    return this.#references.commit(received);
  }

  loadCollections(): void {
    this.collections = new CollectionStore(this.store).all().map((c) => ({ id: c.id, title: c.title, description: c.description, createDate: c.created, modifyDate: c.modified, items: c.items, etag: c.etag }));
  }

  /** The root folder, which every store has. */
  static readonly ROOT = DAM_ROOT;
}
