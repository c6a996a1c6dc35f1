import { randomUUID } from 'node:crypto';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { badRequest, notFound, ProblemError } from '../http/problem.ts';
import type { FolderRow } from '../store/rows.ts';
import { DAM_ROOT, isWithin, nameOf, parentOf, rebase } from './damPath.ts';
import { conflict, type AssetChange, type Repository } from './repository.ts';
import { isDeliverable, revise, rowFromAsset } from './storedAsset.ts';

export interface TransferOptions {
  /** `X-Depth: 0`: a folder without its contents, an asset without its renditions. */
  shallow: boolean;
  /** `X-Overwrite: T` (the default): replace what is at the destination. */
  overwrite: boolean;
}

/** What a COPY or MOVE did: whether the destination existed (204) or not (201). */
export interface TransferResult {
  replaced: boolean;
}

/** `DELETE`: an asset, or a folder with everything in it. */
export function deleteAt(repository: Repository, path: string): void {
  if (path === DAM_ROOT) throw conflict(path, 'is the root folder, which cannot be deleted');
  const changes: AssetChange[] = [];
  const binaries: string[] = [];
  repository.store.transaction(() => {
    if (!removeAt(repository, path, changes, binaries)) throw notFound(`path: nothing is at ${path}`, 'path');
  });
  repository.publish(changes);
  repository.releaseBinaries(binaries);
}

/** Deletes what is at `path` inside the caller's transaction; false when nothing is there. */
function removeAt(repository: Repository, path: string, changes: AssetChange[], binaries: string[]): boolean {
  const { store } = repository;
  const asset = repository.assetAt(path);
  const folder = asset ? undefined : store.folder(path);
  if (!asset && !folder) return false;
  const assets = asset ? [asset] : store.assetsUnder(path).flatMap((row) => repository.byId.get(row.id) ?? []);
  for (const doomed of assets) {
    binaries.push(doomed.binaryHash, ...store.renditions(doomed.id).map((r) => r.binary));
    store.deleteAsset(doomed.id);
    changes.push({ before: doomed });
  }
  if (folder) store.deleteFolders(store.folderTree(path).map((f) => f.path).reverse());
  return true;
}

/** The checks COPY and MOVE share; returns whether the destination is taken. */
function checkTransfer(repository: Repository, from: string, to: string, options: TransferOptions): { asset?: AssetRecord; folder?: FolderRow; taken: boolean } {
  const { store } = repository;
  const asset = repository.assetAt(from);
  const folder = asset ? undefined : store.folder(from);
  if (!asset && !folder) throw notFound(`path: nothing is at ${from}`, 'path');
  if (from === DAM_ROOT) throw conflict(from, 'is the root folder, which cannot be copied or moved');
  if (to === from) throw new ProblemError(409, `X-Destination: ${to} is the source itself`, 'X-Destination');
  if (folder && isWithin(to, from)) throw new ProblemError(409, `X-Destination: ${to} is inside ${from}`, 'X-Destination');
  if (isWithin(from, to)) throw new ProblemError(409, `X-Destination: ${to} holds the source ${from}`, 'X-Destination');
  const parent = parentOf(to);
  if (parent === null || !store.folder(parent)) throw new ProblemError(409, `X-Destination: the folder ${parent ?? to} does not exist; create it first`, 'X-Destination');
  const taken = store.folder(to) !== undefined || store.assetAt(to) !== undefined;
  if (taken && !options.overwrite) throw new ProblemError(412, `X-Overwrite: ${to} exists and X-Overwrite is F`, 'X-Overwrite');
  return { ...(asset ? { asset } : {}), ...(folder ? { folder } : {}), taken };
}

/** `COPY`: new assets (new ids, same binaries) at the destination. */
export function copyTo(repository: Repository, from: string, to: string, options: TransferOptions): TransferResult {
  const { store } = repository;
  const changes: AssetChange[] = [];
  const binaries: string[] = [];
  let replaced = false;
  store.transaction(() => {
    const source = checkTransfer(repository, from, to, options);
    replaced = source.taken && removeAt(repository, to, changes, binaries);
    const now = new Date().toISOString();
    const copyAsset = (asset: AssetRecord, path: string, withRenditions: boolean) => {
      const copy = revise(
        asset,
        {
          id: `urn:aaid:aem:${randomUUID()}`,
          name: nameOf(path),
          repositoryMetadata: { ...asset.repositoryMetadata, 'repo:name': nameOf(path), 'repo:path': path, 'repo:createDate': now },
        },
        now,
      );
      store.insertAsset(rowFromAsset(copy, isDeliverable(copy)));
      if (withRenditions) for (const r of store.renditions(asset.id)) store.putRendition({ ...r, asset_id: copy.id, created: now });
      changes.push({ after: copy });
    };
    if (source.asset) copyAsset(source.asset, to, !options.shallow);
    else {
      const folders = options.shallow ? [source.folder!] : store.folderTree(from);
      for (const f of folders) {
        const path = rebase(f.path, from, to);
        store.insertFolder({ path, parent: parentOf(path), name: nameOf(path), title: f.title, created: now, modified: now });
      }
      if (!options.shallow) {
        for (const row of store.assetsUnder(from)) {
          const asset = repository.byId.get(row.id);
          if (asset) copyAsset(asset, rebase(row.path, from, to), true);
        }
      }
    }
  });
  repository.publish(changes);
  repository.releaseBinaries(binaries);
  return { replaced };
}

/** `MOVE`: the same assets (same ids) under a new path; a folder moves with everything in it. */
export function moveTo(repository: Repository, from: string, to: string, options: TransferOptions): TransferResult {
  const { store } = repository;
  const changes: AssetChange[] = [];
  const binaries: string[] = [];
  let replaced = false;
  store.transaction(() => {
    const source = checkTransfer(repository, from, to, options);
    if (source.folder && options.shallow) throw badRequest('X-Depth', 'a folder moves with its contents; send X-Depth: infinity or none');
    replaced = source.taken && removeAt(repository, to, changes, binaries);
    const now = new Date().toISOString();
    const moveAsset = (asset: AssetRecord, path: string) => {
      const moved = revise(
        asset,
        { name: nameOf(path), repositoryMetadata: { ...asset.repositoryMetadata, 'repo:name': nameOf(path), 'repo:path': path } },
        now,
        false,
      );
      store.updateAsset(rowFromAsset(moved, isDeliverable(moved)));
      changes.push({ before: asset, after: moved });
    };
    if (source.asset) moveAsset(source.asset, to);
    else {
      const tree = store.folderTree(from);
      for (const f of tree) {
        const path = rebase(f.path, from, to);
        store.insertFolder({ ...f, path, parent: parentOf(path), name: nameOf(path), modified: now });
      }
      for (const row of store.assetsUnder(from)) {
        const asset = repository.byId.get(row.id);
        if (asset) moveAsset(asset, rebase(row.path, from, to));
      }
      store.deleteFolders(tree.map((f) => f.path).reverse());
    }
  });
  repository.publish(changes);
  repository.releaseBinaries(binaries);
  return { replaced };
}
