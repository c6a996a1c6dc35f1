/**
 * The Assets HTTP API requests an upload makes (spec/assets-http-api.md), and how their Siren
 * answers are read. Pure functions: src/core/uploadQueue.ts sends them.
 */

const DAM_ROOT = '/content/dam';

/** `/content/dam/a b/c.jpg` on `https://repo` → `https://repo/api/assets/a%20b/c.jpg` (+ `suffix`). */
export function assetsApiUrl(repository: string, damPath: string, suffix = ''): string {
  const rest = damPath.slice(DAM_ROOT.length);
  return `${repository}/api/assets${rest.split('/').map(encodeURIComponent).join('/')}${suffix}`;
}

/** The folders to create, outermost first, for `folder` to exist: `/content/dam/a/b` → `/content/dam/a`, `/content/dam/a/b`. */
export function folderChain(folder: string): string[] {
  const segments = folder.slice(DAM_ROOT.length).split('/').filter(Boolean);
  return segments.map((_, i) => `${DAM_ROOT}/${segments.slice(0, i + 1).join('/')}`);
}

/** The body of `POST /api/assets/{folder}` that creates that folder. */
export const FOLDER_BODY = JSON.stringify({ class: 'assetFolder', properties: {} });

/** The body of the metadata `PUT` that approves an asset (puts it on the delivery tier). */
export const APPROVE_BODY = JSON.stringify({ class: 'asset', properties: { 'dam:assetStatus': 'approved' } });

/** The `Content-Type` an upload is sent with: the file's, or none known (the repository then reads the bytes). */
export function uploadContentType(file: Blob): string {
  return file.type || 'application/octet-stream';
}

/** What the selector needs of an uploaded asset's Siren entity. */
export interface UploadedAsset {
  assetId: string;
  name: string;
  /** Its `repo:path`. */
  path: string;
  /** `dam:assetStatus`: `approved` once it is on the delivery tier. */
  status: string;
  width?: number;
  height?: number;
}

/**
 * Reads `properties` of an `assets/asset` entity (what create, replace and the metadata PUT
 * answer). A TypeError naming what is missing when it is not one.
 */
export function readUploadedAsset(text: string): UploadedAsset {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TypeError('upload: the answer is not JSON');
  }
  const entity = body as { class?: unknown; properties?: Record<string, unknown> } | null;
  if (!entity || !Array.isArray(entity.class) || !entity.class.includes('assets/asset') || typeof entity.properties !== 'object' || entity.properties === null) {
    throw new TypeError('upload: the answer is not an assets/asset entity');
  }
  const p = entity.properties;
  const required = (key: string): string => {
    if (typeof p[key] !== 'string' || p[key] === '') throw new TypeError(`upload: the asset entity has no ${key}`);
    return p[key] as string;
  };
  const number = (key: string) => (typeof p[key] === 'number' && Number.isFinite(p[key]) ? (p[key] as number) : undefined);
  const asset: UploadedAsset = {
    assetId: required('repo:assetId'),
    name: required('name'),
    path: required('repo:path'),
    status: typeof p['dam:assetStatus'] === 'string' ? p['dam:assetStatus'] : 'draft',
  };
  const width = number('tiff:ImageWidth');
  const height = number('tiff:ImageLength');
  if (width !== undefined) asset.width = width;
  if (height !== undefined) asset.height = height;
  return asset;
}
