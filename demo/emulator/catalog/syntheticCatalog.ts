import type { AssetRecord } from './assetRecord.ts';
import { sha1, stableAssetId } from './assetId.ts';
import { createCatalog, type Catalog } from './catalog.ts';

const ADJECTIVES = ['quiet', 'bright', 'golden', 'misty', 'urban', 'wild', 'frozen', 'hidden', 'vivid', 'silent', 'ancient', 'coastal', 'rustic', 'electric', 'velvet', 'crimson'];
const NOUNS = ['harbour', 'meadow', 'skyline', 'forest', 'canyon', 'garden', 'studio', 'market', 'glacier', 'lantern', 'orchard', 'bridge', 'desert', 'lagoon', 'workshop', 'galaxy'];
const KEYWORDS = ['nature', 'city', 'people', 'product', 'travel', 'food', 'architecture', 'sky', 'water', 'night', 'summer', 'winter', 'abstract', 'texture', 'flower', 'animal', 'technology', 'space', 'sport', 'portrait'];
const CREATORS = ['Ana Souza', 'Kenji Watanabe', 'Lena Fischer', 'Omar Haddad', 'Priya Nair', 'Tomás Reyes', 'Zoë Martin', 'Studio North'];
const FOLDERS = ['campaigns/2024', 'campaigns/2025', 'products', 'brand', 'events', 'stock'];

/** Deterministic pseudo-random numbers, so `--synthetic N` serves the same catalog every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * N assets for scale tests, reusing the base catalog's image binaries under distinct ids with
 * varied titles, keywords, creators, dates and a realistic share of hidden assets (rejected,
 * draft, restricted, expired, not yet live).
 */
export function syntheticCatalog(base: Catalog, count: number): Catalog {
  const sources = base.assets.filter((a) => a.mimeType.startsWith('image/'));
  if (sources.length === 0) throw new Error('--synthetic needs at least one image in the catalog');
  const random = mulberry32(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const start = Date.parse('2012-01-01T00:00:00Z');
  const span = Date.parse('2026-01-01T00:00:00Z') - start;
  const assets: AssetRecord[] = [];

  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const title = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${i + 1}`;
    const slug = title.toLowerCase().replaceAll(' ', '-');
    const name = `${slug}.${source.name.split('.').pop()}`;
    const keywords = [...new Set([pick(KEYWORDS), pick(KEYWORDS), pick(KEYWORDS)])];
    const created = new Date(start + Math.floor(random() * span)).toISOString();
    const modified = new Date(Date.parse(created) + Math.floor(random() * 90 * 86_400_000)).toISOString();
    const roll = random();
    const status: AssetRecord['status'] = roll < 0.03 ? 'rejected' : roll < 0.04 ? 'draft' : 'approved';
    const visibility = random();
    const restrictedTo = visibility < 0.02 ? ['marketing'] : [];
    const offTime = visibility >= 0.02 && visibility < 0.03 ? '2024-01-01T00:00:00.000Z' : undefined;
    const onTime = visibility >= 0.03 && visibility < 0.04 ? '2099-01-01T00:00:00.000Z' : undefined;

    const repositoryMetadata: Record<string, unknown> = {
      'repo:name': name,
      'repo:path': `/content/dam/${pick(FOLDERS)}/${name}`,
      'repo:size': source.size,
      'dc:format': source.mimeType,
      'repo:createDate': created,
      'repo:modifyDate': modified,
    };
    const assetMetadata: Record<string, unknown> = {
      'dc:title': title[0]!.toUpperCase() + title.slice(1),
      'dc:description': `Synthetic asset ${i + 1}, a ${title.replace(/ \d+$/, '')} (pixels of ${source.name}).`,
      'dc:creator': [pick(CREATORS)],
      'xcm:keywords': keywords,
      'dc:subject': keywords,
      'tiff:ImageWidth': source.width,
      'tiff:ImageLength': source.height,
      'dam:assetStatus': status,
      'xmp:CreateDate': created,
    };
    if (offTime) assetMetadata['pur:expirationDate'] = offTime;
    assets.push({
      ...source,
      id: stableAssetId('asset-selector-synthetic', String(i)),
      name,
      status,
      restrictedTo,
      onTime,
      offTime,
      etag: sha1(source.binaryHash, String(i), created).slice(0, 24),
      repositoryMetadata,
      assetMetadata,
    });
  }
  return createCatalog(assets, [], base.readBinary);
}
