import { createHash } from 'node:crypto';

const ASSET_ID = /^urn:aaid:aem:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isAssetId(value: string): boolean {
  return ASSET_ID.test(value);
}

/** A stable name-based (v5-style) UUID, so a folder's assets keep their ids across restarts. */
function stableUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(namespace).update('\0').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function stableAssetId(namespace: string, name: string): string {
  return `urn:aaid:aem:${stableUuid(namespace, name)}`;
}

export function sha1(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
