/** What is wrong with a status answer (the archive client turns it into an `invalid-response` error). */
class ShapeError extends TypeError {
  constructor(where: string, expected: string) {
    super(`${where}: expected ${expected}`);
  }
}

/** One file of a finished archive. `url` carries the server's own time-limited token (the spec's "anonymous retrieval"). */
export interface ArchiveFile {
  name: string;
  url: string;
  size?: number;
}

/** An item the server left out, and why (the spec: invalid items are warnings, not failures). */
export interface ArchiveWarning {
  assetId?: string;
  detail: string;
}

export type ArchiveState = 'PROCESSING' | 'COMPLETED' | 'FAILED';

/** `GET /adobe/assets/archives/{id}/status`, as the selector reads it. */
export interface ArchiveStatus {
  id: string;
  status: ArchiveState;
  /** Empty until COMPLETED. */
  files: ArchiveFile[];
  warnings: ArchiveWarning[];
  /** What failed, when `status` is FAILED. */
  errors: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATES: readonly string[] = ['PROCESSING', 'COMPLETED', 'FAILED'];

/** The first readable text of a warning or error entry: a string, or an object's `detail`/`message`/`title`. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (!isObject(value)) return undefined;
  for (const key of ['detail', 'message', 'title']) if (typeof value[key] === 'string' && value[key]) return value[key] as string;
  return undefined;
}

/**
 * A file's download URL: absolute http(s) only. The page navigates to it, so a `javascript:` or
 * `data:` URL from a compromised or confused server must never get that far.
 */
function downloadUrl(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ShapeError(where, 'a URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ShapeError(where, 'an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ShapeError(where, `an http(s) URL, got ${url.protocol}`);
  return url.href;
}

/**
 * Checks an archive status answer. Lenient where the spec's sample is empty (unknown fields are
 * ignored, warnings and errors may be strings or objects), strict where the download depends on it:
 * a known `status`, and for COMPLETED at least one file with a name and an http(s) URL.
 */
export function parseArchiveStatus(value: unknown): ArchiveStatus {
  if (!isObject(value)) throw new ShapeError('archive status', 'an object');
  const status = value.status;
  if (typeof status !== 'string' || !STATES.includes(status)) throw new ShapeError('archive status.status', `one of ${STATES.join(', ')}`);
  const id = typeof value.id === 'string' ? value.id : '';
  const warnings = (Array.isArray(value.warnings) ? value.warnings : []).flatMap((w): ArchiveWarning[] => {
    const detail = textOf(w);
    if (!detail) return [];
    const assetId = isObject(w) && typeof w.assetId === 'string' ? w.assetId : undefined;
    return [assetId ? { assetId, detail } : { detail }];
  });
  const errors = (Array.isArray(value.errors) ? value.errors : []).flatMap((e) => textOf(e) ?? []);
  const files: ArchiveFile[] = [];
  if (status === 'COMPLETED') {
    if (!Array.isArray(value.files) || value.files.length === 0) throw new ShapeError('archive status.files', 'a non-empty array once COMPLETED');
    value.files.forEach((f, i) => {
      const where = `archive status.files[${i}]`;
      if (!isObject(f) || typeof f.name !== 'string' || f.name === '') throw new ShapeError(`${where}.name`, 'a non-empty string');
      const file: ArchiveFile = { name: f.name, url: downloadUrl(f.url, `${where}.url`) };
      if (typeof f.size === 'number' && Number.isFinite(f.size) && f.size >= 0) file.size = f.size;
      files.push(file);
    });
  }
  return { id, status: status as ArchiveState, files, warnings, errors };
}
