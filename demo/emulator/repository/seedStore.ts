import type { AssetRecord } from '../catalog/assetRecord.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { CollectionStore } from '../store/collectionStore.ts';
import type { RepositoryStore } from '../store/repositoryStore.ts';
import { DAM_ROOT, nameOf, parentOf } from './damPath.ts';
import { isDeliverable, rowFromAsset } from './storedAsset.ts';

/**
 * Fills an empty store from a catalog: each binary into the binary store, then every folder,
 * asset and collection row in one transaction. Ids, metadata and ETags are kept as the catalog
 * has them, so the selector sees the same catalog from the store. A crash midway leaves the store
 * empty (and its binaries orphans), so the next start seeds again.
 */
export async function seedStore(store: RepositoryStore, catalog: Catalog, source: string): Promise<void> {
  const hashes = new Map<string, string>();
  for (const asset of catalog.assets) {
    if (hashes.has(asset.file)) continue;
    const received = await store.binaries.receiveFile(asset.file);
    await store.binaries.commit(received);
    hashes.set(asset.file, received.sha256);
  }
  const now = new Date().toISOString();
  store.transaction(() => {
    const folders = new Set<string>();
    const ensureFolder = (path: string) => {
      if (folders.has(path)) return;
      const parent = parentOf(path);
      if (parent !== null) ensureFolder(parent);
      folders.add(path);
      store.insertFolder({ path, parent, name: path === DAM_ROOT ? 'dam' : nameOf(path), title: null, created: now, modified: now });
    };
    ensureFolder(DAM_ROOT);
    for (const asset of catalog.assets) {
      const sha256 = hashes.get(asset.file)!;
      const stored: AssetRecord = { ...asset, binaryHash: sha256, file: store.binaries.pathOf(sha256) };
      const path = String(asset.repositoryMetadata['repo:path']);
      ensureFolder(path.slice(0, path.lastIndexOf('/')));
      store.insertAsset(rowFromAsset(stored, isDeliverable(stored)));
    }
    const collections = new CollectionStore(store);
    for (const c of catalog.collections) {
      collections.insert({ id: c.id, title: c.title, description: c.description, created: c.createDate, modified: c.modifyDate, etag: c.etag }, c.items);
    }
    store.setMeta('seededFrom', source);
    store.setMeta('seededAt', now);
  });
}
