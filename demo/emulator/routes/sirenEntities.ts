import type { IncomingMessage } from 'node:http';
import { fileSeoName } from '../../../src/core/deliveryUrl.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { contentTypeOf } from '../delivery/formatNegotiation.ts';
import { STATIC_RENDITIONS } from '../delivery/staticRenditions.ts';
import { visibilityProperties } from '../repository/assetProperties.ts';
import { apiHref, DAM_ROOT, parentOf } from '../repository/damPath.ts';
import { isDeliverable, visibilityOf } from '../repository/storedAsset.ts';
import type { CommentRow, FolderRow, RenditionRow } from '../store/rows.ts';

/** A Siren link. */
interface Link {
  rel: string[];
  href: string;
  type?: string;
}

/** A Siren entity, as the Assets HTTP API answers (`class`, `properties`, `entities`, `links`). */
export interface SirenEntity {
  class: string[];
  rel?: string[];
  properties: Record<string, unknown>;
  entities?: SirenEntity[];
  links?: Link[];
}

/** The paging of a folder listing (`srn:paging`) and where the page sits. */
export interface Paging {
  offset: number;
  limit: number;
  total: number;
}

/** Absolute links, as the Assets HTTP API gives them: on the host the client used. */
export function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

const DOWNLOAD_REL = 'http://ns.adobe.com/adobecloud/rel/download';

export function folderEntity(origin: string, folder: FolderRow, child = false): SirenEntity {
  const links: Link[] = [{ rel: ['self'], href: origin + apiHref(folder.path, '.json') }];
  const parent = parentOf(folder.path);
  if (parent !== null) links.push({ rel: ['parent'], href: origin + apiHref(parent, '.json') });
  return {
    class: ['assets/folder'],
    ...(child ? { rel: ['child'] } : {}),
    properties: {
      name: folder.path === DAM_ROOT ? 'dam' : folder.name,
      'dc:title': folder.title ?? (folder.path === DAM_ROOT ? 'Assets' : folder.name),
      'repo:path': folder.path,
      'repo:createDate': folder.created,
      'repo:modifyDate': folder.modified,
    },
    links,
  };
}

/** A folder with one page of its children (folders first, then assets, each by name). */
export function folderListing(origin: string, folder: FolderRow, children: SirenEntity[], paging: Paging, pageHref: (offset: number) => string): SirenEntity {
  const entity = folderEntity(origin, folder);
  entity.properties['srn:paging'] = { total: paging.total, offset: paging.offset, limit: paging.limit };
  entity.entities = children;
  if (paging.offset + paging.limit < paging.total) entity.links!.push({ rel: ['next'], href: origin + pageHref(paging.offset + paging.limit) });
  if (paging.offset > 0) entity.links!.push({ rel: ['prev'], href: origin + pageHref(Math.max(0, paging.offset - paging.limit)) });
  return entity;
}

/** Everything the API shows of an asset: its repository and asset metadata and what decides delivery. */
export function assetProperties(asset: AssetRecord): Record<string, unknown> {
  return {
    name: asset.name,
    'repo:assetId': asset.id,
    ...asset.repositoryMetadata,
    ...asset.assetMetadata,
    ...visibilityProperties(visibilityOf(asset)),
  };
}

export function assetEntity(origin: string, asset: AssetRecord, extra: { renditions?: RenditionRow[]; comments?: CommentRow[]; child?: boolean } = {}): SirenEntity {
  const path = String(asset.repositoryMetadata['repo:path']);
  const self = origin + apiHref(path);
  const links: Link[] = [
    { rel: ['self'], href: origin + apiHref(path, '.json') },
    { rel: ['parent'], href: origin + apiHref(parentOf(path)!, '.json') },
    { rel: ['content'], href: `${self}/renditions/original`, type: asset.mimeType },
  ];
  if (asset.mimeType.startsWith('image/')) links.push({ rel: ['thumbnail'], href: `${self}/renditions/cq5dam.thumbnail.319.319.png`, type: 'image/png' });
  if (isDeliverable(asset)) links.push({ rel: [DOWNLOAD_REL], href: `${origin}/adobe/assets/${asset.id}/original/as/${fileSeoName(asset.name)}`, type: asset.mimeType });
  const entity: SirenEntity = { class: ['assets/asset'], ...(extra.child ? { rel: ['child'] } : {}), properties: assetProperties(asset), links };
  if (extra.renditions || extra.comments) {
    entity.entities = [
      ...renditionNames(asset, extra.renditions ?? []).map(({ name, type }) => ({
        class: ['assets/rendition'],
        rel: ['child'],
        properties: { name, ...(type ? { 'dc:format': type } : {}) },
        links: [{ rel: ['self'], href: `${self}/renditions/${encodeURIComponent(name)}` }],
      })),
      ...(extra.comments ?? []).map((c) => ({
        class: ['assets/comment'],
        rel: ['child'],
        properties: { id: c.id, message: c.message, annotationData: c.annotation_data === null ? null : safeJson(c.annotation_data), author: c.author, created: c.created },
      })),
    ];
  }
  return entity;
}

/** The original, the generated renditions of images, and the stored ones (a stored one wins a name). */
export function renditionNames(asset: AssetRecord, stored: RenditionRow[]): Array<{ name: string; type?: string; stored?: RenditionRow }> {
  const out = new Map<string, { name: string; type?: string; stored?: RenditionRow }>();
  out.set('original', { name: 'original', type: asset.mimeType });
  if (asset.mimeType.startsWith('image/')) for (const r of STATIC_RENDITIONS) out.set(r.name, { name: r.name, type: contentTypeOf(r.format) });
  for (const row of stored) out.set(row.name, { name: row.name, type: row.mime_type, stored: row });
  return [...out.values()];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `GET /api.json`: the service document that leads to the Assets service. */
export function servicesDocument(origin: string): SirenEntity {
  return {
    class: ['core/services'],
    properties: {},
    entities: [{ class: ['core/services'], rel: ['child'], properties: { name: 'assets' }, links: [{ rel: ['self'], href: `${origin}/api/assets.json` }] }],
    links: [{ rel: ['self'], href: `${origin}/api.json` }],
  };
}
