import type { TokenSource } from '../core/options.ts';

/** Where a drop-in gets what Adobe's login would give: `window.assetSelectorCompat` or `PureJSSelectors.configure()`. */
export interface CompatConfig {
  /** The repository's base URL (`https://delivery-p1-e2.adobeaemcloud.com`, or the emulator's). */
  repository?: string;
  token?: TokenSource;
  apiKey?: string;
  locale?: string;
}

declare global {
  interface Window {
    assetSelectorCompat?: CompatConfig;
  }
}

const KEYS = { repository: 'string', token: 'string or a function', apiKey: 'string', locale: 'string' } as const;

/** Checks a configuration object: a TypeError naming the key at fault. */
export function checkConfig(config: unknown, source: string): CompatConfig {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object') throw new TypeError(`asset-selector: ${source} must be an object like { repository, token }, got ${typeof config}`);
  const c = config as Record<string, unknown>;
  for (const [key, expected] of Object.entries(KEYS)) {
    const value = c[key];
    const ok = value === undefined || typeof value === 'string' || (key === 'token' && typeof value === 'function');
    if (!ok) throw new TypeError(`asset-selector: ${source}.${key} must be a ${expected}, got ${typeof value}`);
  }
  return c as CompatConfig;
}

/** The configuration at this moment: `configure()`'s values over `window.assetSelectorCompat` (read now, so a page may set it late). */
export function currentConfig(configured: CompatConfig): CompatConfig {
  const global = typeof window === 'undefined' ? undefined : window.assetSelectorCompat;
  const fromGlobal = checkConfig(global, 'window.assetSelectorCompat');
  const merged: CompatConfig = { ...fromGlobal };
  for (const [key, value] of Object.entries(configured)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  return merged;
}

/** `repositoryId` as pages pass it: a host (`delivery-p1-e2.adobeaemcloud.com` → `https://…`), or a full URL for local servers. */
export function repositoryFromId(repositoryId: unknown): string | undefined {
  if (typeof repositoryId !== 'string' || repositoryId.trim() === '') return undefined;
  const id = repositoryId.trim();
  return /^https?:\/\//i.test(id) ? id : `https://${id}`;
}

/** The token as a string (what pages read from `imsToken`). */
export async function tokenString(token: TokenSource | undefined): Promise<string | undefined> {
  if (token === undefined) return undefined;
  const value = typeof token === 'function' ? await token() : token;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
