/** One photo's entry in `demo/catalog/metadata.json`. */
export interface SidecarAsset {
  /** A folder below `/content/dam/samples` (`space/missions`), so the author tier has folders to browse. */
  folder?: string;
  id: string;
  title: string;
  description: string;
  keywords: string[];
  creator: string;
  rights: string;
  created: string;
  status: 'approved' | 'rejected' | 'draft';
  restrictedTo?: string[];
  onTime?: string;
  offTime?: string;
}

interface SidecarCollection {
  id: string;
  title: string;
  description: string;
  created?: string;
  items: string[];
}

interface Sidecar {
  assets: Record<string, SidecarAsset>;
  collections: SidecarCollection[];
}

const STATUSES = new Set(['approved', 'rejected', 'draft']);

/** Parses and checks the sidecar, so a typo in it fails at start-up with the file name in the message. */
export function parseSidecar(text: string): Sidecar {
  const raw = JSON.parse(text) as { assets?: unknown; collections?: unknown };
  if (!raw.assets || typeof raw.assets !== 'object') throw new Error('metadata.json: "assets" must be an object keyed by file name');
  for (const [file, value] of Object.entries(raw.assets as Record<string, SidecarAsset>)) {
    const fail = (what: string) => new Error(`metadata.json: assets["${file}"].${what}`);
    if (!/^urn:aaid:aem:[0-9a-f-]{36}$/.test(value.id)) throw fail('id must be urn:aaid:aem:<uuid>');
    if (typeof value.title !== 'string' || !value.title) throw fail('title must be a non-empty string');
    if (!Array.isArray(value.keywords)) throw fail('keywords must be an array');
    if (value.folder !== undefined && (typeof value.folder !== 'string' || !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(value.folder))) throw fail('folder must be a relative path of lower-case names, such as "space/missions"');
    if (!STATUSES.has(value.status)) throw fail(`status must be one of ${[...STATUSES].join(', ')}`);
    for (const key of ['created', 'onTime', 'offTime'] as const) {
      const v = value[key];
      if (v !== undefined && Number.isNaN(Date.parse(v))) throw fail(`${key} must be an ISO date-time`);
    }
  }
  const collections = Array.isArray(raw.collections) ? (raw.collections as SidecarCollection[]) : [];
  return { assets: raw.assets as Record<string, SidecarAsset>, collections };
}
