import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import type { AssetRecord } from './assetRecord.ts';
import { sha1, stableAssetId } from './assetId.ts';
import { createBinaryCache } from './binaryCache.ts';
import { createCatalog, type Catalog, type CollectionRecord } from './catalog.ts';
import { mp4Dimensions, pdfPageSize } from './mediaDimensions.ts';
import { parseSidecar, type SidecarAsset } from './sidecar.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.pdf': 'application/pdf',
};

/** The folder of the sample photos that ship with the project. */
export const SAMPLE_CATALOG_DIR = resolve(import.meta.dirname, '../../catalog');

/**
 * Reads a folder of images (and MP4 videos and PDFs) into a catalog. With a `metadata.json` sidecar (the sample catalog)
 * titles, keywords, approval and restrictions come from it; without one (`--catalog DIR`) every
 * image is approved and titled after its file name, so integrators can try their own pictures.
 * Width, height, size and format always come from the files.
 */
export async function loadAssetCatalog(dir: string = SAMPLE_CATALOG_DIR): Promise<Catalog> {
  const root = resolve(dir);
  const sidecarText = await readFile(join(root, 'metadata.json'), 'utf8').catch(() => undefined);
  const sidecar = sidecarText === undefined ? undefined : parseSidecar(sidecarText);
  const files = (await listImages(root)).sort();
  if (files.length === 0) throw new Error(`no images, videos or PDFs (${Object.keys(MEDIA_TYPES).join(' ')}) found in ${root}`);

  const assets = await mapLimit(files, 8, async (relative) => {
    const entry = sidecar?.assets[relative.replaceAll('\\', '/')];
    return describeFile(root, relative, entry);
  });
  const byName = new Map(assets.map((a) => [a.name, a]));
  const collections: CollectionRecord[] = (sidecar?.collections ?? []).map((c) => {
    const items = c.items.map((name) => {
      const asset = byName.get(name);
      if (!asset) throw new Error(`metadata.json: collection "${c.title}" lists unknown file ${name}`);
      return asset.id;
    });
    const date = c.created ?? '2024-01-01T00:00:00.000Z';
    return { id: c.id, title: c.title, description: c.description, createDate: date, modifyDate: date, items, etag: sha1(JSON.stringify(c)).slice(0, 20) };
  });
  const readFileCached = createBinaryCache();
  return createCatalog(assets, collections, (asset) => readFileCached(asset.file));
}

async function listImages(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listImages(root, relative)));
    else if (entry.isFile() && MEDIA_TYPES[extname(entry.name).toLowerCase()]) out.push(relative);
  }
  return out;
}

async function describeFile(root: string, relative: string, entry: SidecarAsset | undefined): Promise<AssetRecord> {
  const file = join(root, relative);
  const [data, info] = await Promise.all([readFile(file), stat(file)]);
  const name = basename(relative);
  const mimeType = MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
  const { width, height, hasAlpha } = await measure(file, data, mimeType);
  const created = entry?.created ?? info.birthtime.toISOString();
  const modified = entry?.created ?? info.mtime.toISOString();
  const title = entry?.title ?? titleFromFileName(name);

  const repositoryMetadata: Record<string, unknown> = {
    'repo:name': name,
    'repo:path': `/content/dam/${entry ? 'samples' : 'local'}/${entry?.folder ? `${entry.folder}/` : ''}${relative}`,
    'repo:size': data.length,
    'dc:format': mimeType,
    'repo:createDate': new Date(created).toISOString(),
    'repo:modifyDate': new Date(modified).toISOString(),
  };
  const assetMetadata: Record<string, unknown> = {
    'dc:title': title,
    'dam:assetStatus': entry?.status ?? 'approved',
  };
  // Pixel dimensions belong to images and videos; a PDF's page size is not one.
  if (mimeType !== 'application/pdf') Object.assign(assetMetadata, { 'tiff:ImageWidth': width, 'tiff:ImageLength': height });
  if (entry) {
    assetMetadata['dc:description'] = entry.description;
    assetMetadata['dc:creator'] = [entry.creator];
    assetMetadata['dc:rights'] = entry.rights;
    assetMetadata['xcm:keywords'] = entry.keywords;
    assetMetadata['dc:subject'] = entry.keywords;
    assetMetadata['xmp:CreateDate'] = new Date(entry.created).toISOString();
    if (entry.offTime) assetMetadata['pur:expirationDate'] = entry.offTime;
  }
  const binaryHash = sha1(data);
  const id = entry?.id ?? stableAssetId('asset-selector-emulator', relative);
  return {
    id,
    name,
    file,
    binaryHash,
    mimeType,
    size: data.length,
    width,
    height,
    hasAlpha,
    status: entry?.status ?? 'approved',
    restrictedTo: entry?.restrictedTo ?? [],
    ...(entry?.onTime ? { onTime: entry.onTime } : {}),
    ...(entry?.offTime ? { offTime: entry.offTime } : {}),
    etag: sha1(binaryHash, JSON.stringify(repositoryMetadata), JSON.stringify(assetMetadata)).slice(0, 24),
    repositoryMetadata,
    assetMetadata,
  };
}

async function measure(file: string, data: Buffer, mimeType: string): Promise<{ width: number; height: number; hasAlpha: boolean }> {
  if (mimeType.startsWith('image/')) {
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) throw new Error(`cannot read the dimensions of ${file}`);
    // EXIF orientations 5–8 swap the displayed width and height.
    const swap = (meta.orientation ?? 1) >= 5;
    return { width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height, hasAlpha: meta.hasAlpha ?? false };
  }
  const size = mimeType === 'application/pdf' ? pdfPageSize(data) : mp4Dimensions(data);
  if (!size) throw new Error(`cannot read the dimensions of ${file}`);
  return { ...size, hasAlpha: false };
}

/** `golden-gate_bridge-2.jpg` → `Golden gate bridge 2` */
export function titleFromFileName(name: string): string {
  const words = name.replace(/\.[^.]+$/, '').replace(/[-_.\s]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

