import type { SelectedAsset } from '../core/types.ts';
import type { AdobeAsset, AdobeRendition } from './adobeTypes.ts';

const RENDITION = 'http://ns.adobe.com/adobecloud/rel/rendition';
const DOWNLOAD = 'http://ns.adobe.com/adobecloud/rel/download';

/** What the repository answers with when neither size is asked for (`width` up to 2048). */
const DEFAULT_MAX_WIDTH = 2048;

const EXTENSION_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

/** Adobe's `aem:formatName` for a MIME type: `jpeg`, `png`, `pdf`, `mp4`, `svg`… Never empty: clients drop a pick without it. */
export function formatNameOf(mimeType: string, name: string): string {
  const subtype = (mimeType.split('/')[1] ?? '').toLowerCase().replace(/^(x-|vnd\.)/, '').replace(/\+.*$/, '');
  const known: Record<string, string> = { quicktime: 'mov', 'adobe.photoshop': 'psd', msword: 'doc', plain: 'txt' };
  const result = known[subtype] ?? subtype;
  if (result && !result.includes('.')) return result;
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? 'binary';
}

/**
 * The pixel size a delivery URL's modifiers give `asset`: crop (percentages of the original),
 * a quarter turn, then `width`/`height` (one keeps the aspect ratio; both are the box, which
 * `fit=constrain` fits inside), then `dpr`. Without a size the original, at most 2048 wide. A
 * smart crop without a size keeps the original's aspect here (its profile is not in the payload).
 */
export function deliveredSize(asset: Pick<SelectedAsset, 'width' | 'height'>, modifiers: Record<string, string>): { width: number; height: number } {
  let w = asset.width ?? 0;
  let h = asset.height ?? 0;
  const crop = /^([\d.]+)p,([\d.]+)p,([\d.]+)p,([\d.]+)p$/.exec(modifiers.crop ?? '');
  if (crop && modifiers.smartcrop === undefined) {
    w *= Number(crop[3]) / 100;
    h *= Number(crop[4]) / 100;
  }
  if (modifiers.rotate === '90' || modifiers.rotate === '270') [w, h] = [h, w];
  const aspect = w > 0 && h > 0 ? w / h : 1;
  const mw = Number(modifiers.width) || 0;
  const mh = Number(modifiers.height) || 0;
  if (mw && mh) {
    if (modifiers.fit === 'constrain' && w > 0 && h > 0) {
      const scale = Math.min(mw / w, mh / h);
      [w, h] = [w * scale, h * scale];
    } else [w, h] = [mw, mh];
  } else if (mw) [w, h] = [mw, mw / aspect];
  else if (mh) [w, h] = [mh * aspect, mh];
  else if (w <= 0) [w, h] = [DEFAULT_MAX_WIDTH, DEFAULT_MAX_WIDTH / aspect];
  else if (w > DEFAULT_MAX_WIDTH) [w, h] = [DEFAULT_MAX_WIDTH, DEFAULT_MAX_WIDTH / aspect];
  const dpr = Number(modifiers.dpr) || 1;
  return { width: Math.max(1, Math.round(w * dpr)), height: Math.max(1, Math.round(h * dpr)) };
}

function renditionOf(asset: SelectedAsset, href: string): AdobeRendition {
  const url = new URL(href);
  const extension = /\.([a-z]+)$/i.exec(url.pathname)?.[1]?.toLowerCase() ?? '';
  return { href, type: EXTENSION_TYPES[extension] ?? asset.mimeType, ...deliveredSize(asset, Object.fromEntries(url.searchParams)) };
}

/**
 * The renditions clients pick from (the largest `width * height`, or `.find()` by type): for an
 * image, each `srcset` entry and the emitted `url` itself, all with the editor's modifiers, with
 * the pixel size each delivers; for a video its player page. Smallest first.
 */
function renditionsOf(asset: SelectedAsset): AdobeRendition[] {
  if (asset.kind === 'video') return [{ href: asset.url, type: 'text/html', width: asset.width ?? 0, height: asset.height ?? 0 }];
  if (asset.kind !== 'image') return [];
  const hrefs = (asset.srcset ?? '').split(', ').map((entry) => entry.split(' ')[0]!).filter(Boolean);
  if (!hrefs.includes(asset.url)) hrefs.push(asset.url);
  return hrefs.map((href) => renditionOf(asset, href)).sort((a, b) => a.width * a.height - b.width * b.height);
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Our `SelectedAsset` as the asset Adobe's selector hands to `handleSelection` (delivery tier):
 * `repo:*`, `dc:*`, `aem:formatName`, `tiff:*`, `computedMetadata` and `_links` with absolute
 * rendition and download hrefs. No `_embedded` (absent on the delivery tier), and no token.
 */
export function toAdobeAsset(asset: SelectedAsset): AdobeAsset {
  const repo = asset.repositoryMetadata;
  const meta = asset.assetMetadata;
  const optional = {
    'repo:size': number(repo['repo:size']),
    'repo:createDate': text(repo['repo:createDate']),
    'repo:modifyDate': text(repo['repo:modifyDate']),
    'dc:description': text(meta['dc:description']),
    'tiff:imageWidth': asset.width,
    'tiff:imageLength': asset.height,
  };
  return {
    'repo:assetId': asset.assetId,
    'repo:id': asset.assetId,
    'repo:name': asset.name,
    name: asset.name,
    'repo:repositoryId': new URL(asset.url).host,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<AdobeAsset>),
    'dc:format': asset.mimeType,
    mimetype: asset.mimeType,
    'aem:formatName': formatNameOf(asset.mimeType, asset.name),
    'dc:title': asset.title,
    computedMetadata: { ...repo, ...meta },
    _links: { [RENDITION]: renditionsOf(asset), [DOWNLOAD]: { href: asset.originalUrl } },
  } as AdobeAsset;
}
