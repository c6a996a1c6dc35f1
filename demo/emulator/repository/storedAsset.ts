import { randomUUID } from 'node:crypto';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { titleFromFileName } from '../catalog/loadAssetCatalog.ts';
import { sha1 } from '../catalog/assetId.ts';
import type { AssetRow } from '../store/rows.ts';
import type { Visibility } from './assetProperties.ts';
import type { MeasuredBinary } from './contentCheck.ts';

/** Freezes a record and everything in it, so an update can only ever replace it whole. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The strong validator of an asset's state: its bytes, its metadata and what decides delivery. */
export function assetEtag(binary: string, repositoryMetadata: Record<string, unknown>, assetMetadata: Record<string, unknown>, visibility: Visibility): string {
  return sha1(binary, JSON.stringify(repositoryMetadata), JSON.stringify(assetMetadata), JSON.stringify(visibility)).slice(0, 24);
}

export function visibilityOf(asset: AssetRecord): Visibility {
  return { status: asset.status, restrictedTo: asset.restrictedTo, ...(asset.onTime ? { onTime: asset.onTime } : {}), ...(asset.offTime ? { offTime: asset.offTime } : {}) };
}

/** The record the search index, the delivery routes and the Assets HTTP API share. */
export function assetFromRow(row: AssetRow, fileOf: (sha256: string) => string): AssetRecord {
  const record: AssetRecord = {
    id: row.id,
    name: row.name,
    file: fileOf(row.binary),
    binaryHash: row.binary,
    mimeType: row.mime_type,
    size: row.size,
    width: row.width,
    height: row.height,
    hasAlpha: row.has_alpha === 1,
    status: row.status as AssetRecord['status'],
    restrictedTo: JSON.parse(row.restricted_to) as string[],
    etag: row.etag,
    repositoryMetadata: JSON.parse(row.repository_metadata) as Record<string, unknown>,
    assetMetadata: JSON.parse(row.asset_metadata) as Record<string, unknown>,
  };
  if (row.on_time) record.onTime = row.on_time;
  if (row.off_time) record.offTime = row.off_time;
  return deepFreeze(record);
}

/** The row for a record; `path` and `folder` come from its `repo:path`. */
export function rowFromAsset(asset: AssetRecord, inDelivery: boolean): AssetRow {
  const path = String(asset.repositoryMetadata['repo:path']);
  return {
    id: asset.id,
    path,
    folder: path.slice(0, path.lastIndexOf('/')),
    name: asset.name,
    binary: asset.binaryHash,
    mime_type: asset.mimeType,
    size: asset.size,
    width: asset.width,
    height: asset.height,
    has_alpha: asset.hasAlpha ? 1 : 0,
    status: asset.status,
    restricted_to: JSON.stringify(asset.restrictedTo),
    on_time: asset.onTime ?? null,
    off_time: asset.offTime ?? null,
    repository_metadata: JSON.stringify(asset.repositoryMetadata),
    asset_metadata: JSON.stringify(asset.assetMetadata),
    etag: asset.etag,
    in_delivery: inDelivery ? 1 : 0,
  };
}

/** Whether the asset is on the delivery tier now (approved, inside its on/off time), whoever asks. */
export function isDeliverable(asset: AssetRecord | undefined, now: number = Date.now()): boolean {
  if (!asset || asset.status !== 'approved') return false;
  if (asset.onTime !== undefined && Date.parse(asset.onTime) > now) return false;
  if (asset.offTime !== undefined && Date.parse(asset.offTime) <= now) return false;
  return true;
}

/**
 * A new version of a record: the given fields replaced, `repo:modifyDate` and the ETag renewed.
 * `visibility` fields are mirrored into the record's own fields.
 */
export function revise(
  asset: AssetRecord,
  change: Partial<Pick<AssetRecord, 'name' | 'file' | 'binaryHash' | 'mimeType' | 'size' | 'width' | 'height' | 'hasAlpha' | 'id'>> & {
    repositoryMetadata?: Record<string, unknown>;
    assetMetadata?: Record<string, unknown>;
    visibility?: Visibility;
  },
  now: string,
  touch = true,
): AssetRecord {
  const visibility = change.visibility ?? visibilityOf(asset);
  const repositoryMetadata = { ...(change.repositoryMetadata ?? asset.repositoryMetadata), ...(touch ? { 'repo:modifyDate': now } : {}) };
  const assetMetadata = change.assetMetadata ?? asset.assetMetadata;
  const binaryHash = change.binaryHash ?? asset.binaryHash;
  const next: AssetRecord = {
    id: change.id ?? asset.id,
    name: change.name ?? asset.name,
    file: change.file ?? asset.file,
    binaryHash,
    mimeType: change.mimeType ?? asset.mimeType,
    size: change.size ?? asset.size,
    width: change.width ?? asset.width,
    height: change.height ?? asset.height,
    hasAlpha: change.hasAlpha ?? asset.hasAlpha,
    status: visibility.status,
    restrictedTo: [...visibility.restrictedTo],
    etag: assetEtag(binaryHash, repositoryMetadata, assetMetadata, visibility),
    repositoryMetadata,
    assetMetadata,
  };
  if (visibility.onTime) next.onTime = visibility.onTime;
  if (visibility.offTime) next.offTime = visibility.offTime;
  return deepFreeze(next);
}

/** A new upload's record: its metadata from the path and the measured bytes, plus what the client set. */
export function newAssetRecord(input: {
  path: string;
  file: string;
  received: { sha256: string; size: number };
  measured: MeasuredBinary;
  assetMetadata: Record<string, unknown>;
  visibility: Visibility;
  now: string;
}): AssetRecord {
  const name = input.path.slice(input.path.lastIndexOf('/') + 1);
  const repositoryMetadata = {
    'repo:name': name,
    'repo:path': input.path,
    'repo:size': input.received.size,
    'dc:format': input.measured.mimeType,
    'repo:createDate': input.now,
    'repo:modifyDate': input.now,
  };
  const assetMetadata = withPixelSize({ 'dc:title': titleFromFileName(name), ...input.assetMetadata, 'dam:assetStatus': input.visibility.status }, input.measured);
  const record: AssetRecord = {
    id: `urn:aaid:aem:${randomUUID()}`,
    name,
    file: input.file,
    binaryHash: input.received.sha256,
    mimeType: input.measured.mimeType,
    size: input.received.size,
    width: input.measured.width,
    height: input.measured.height,
    hasAlpha: input.measured.hasAlpha,
    status: input.visibility.status,
    restrictedTo: [...input.visibility.restrictedTo],
    etag: assetEtag(input.received.sha256, repositoryMetadata, assetMetadata, input.visibility),
    repositoryMetadata,
    assetMetadata,
  };
  if (input.visibility.onTime) record.onTime = input.visibility.onTime;
  if (input.visibility.offTime) record.offTime = input.visibility.offTime;
  return deepFreeze(record);
}

/** The metadata with `tiff:ImageWidth`/`tiff:ImageLength` of the measured bytes (none for a PDF, whose page size is not pixels). */
export function withPixelSize(metadata: Record<string, unknown>, measured: MeasuredBinary): Record<string, unknown> {
  const { 'tiff:ImageWidth': _width, 'tiff:ImageLength': _height, ...rest } = metadata;
  return measured.mimeType === 'application/pdf' ? rest : { ...rest, 'tiff:ImageWidth': measured.width, 'tiff:ImageLength': measured.height };
}
