import { badRequest } from '../http/problem.ts';

/** Where the Assets HTTP API's root (`/api/assets`) is in the repository. */
export const DAM_ROOT = '/content/dam';
export const API_ROOT = '/api/assets';

/** Characters a JCR name cannot hold, and what no file system or URL handles well either. */
const FORBIDDEN = /[/\\:*?"<>|[\]\p{Cc}]/u;
const MAX_NAME = 150;

/**
 * A 400 naming `parameter` unless `name` can be a folder or asset name: 1–150 characters of any
 * script, not `.` or `..`, no path separators, no `: * ? " < > | [ ]`, no control characters,
 * no leading or trailing space.
 */
export function checkName(name: string, parameter: string): void {
  if (name === '' || name.trim() === '') throw badRequest(parameter, 'a name is required');
  if (name.length > MAX_NAME) throw badRequest(parameter, `"${name.slice(0, 40)}…" is longer than ${MAX_NAME} characters`);
  if (name === '.' || name === '..') throw badRequest(parameter, `"${name}" is not a name`);
  if (name !== name.trim()) throw badRequest(parameter, `"${name}" starts or ends with a space`);
  const bad = FORBIDDEN.exec(name);
  if (bad) throw badRequest(parameter, `"${name}" holds "${bad[0].replace(/\p{Cc}/u, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}", which names may not hold`);
}

/** `/api/assets/a/b.jpg` (decoded) → `/content/dam/a/b.jpg`; each segment checked. */
export function damPathFromApi(apiPath: string, parameter = 'path'): string {
  if (apiPath !== API_ROOT && !apiPath.startsWith(`${API_ROOT}/`)) throw badRequest(parameter, `"${apiPath}" is not under ${API_ROOT}`);
  const rest = apiPath.slice(API_ROOT.length).replace(/\/+$/, '');
  if (rest === '') return DAM_ROOT;
  for (const segment of rest.slice(1).split('/')) checkName(segment, parameter);
  return `${DAM_ROOT}${rest}`;
}

/** `/content/dam/a/b.jpg` → `/api/assets/a/b.jpg`, each segment percent-encoded for a URL. */
export function apiHref(damPath: string, suffix = ''): string {
  const rest = damPath.slice(DAM_ROOT.length);
  return `${API_ROOT}${rest.split('/').map(encodeURIComponent).join('/')}${suffix}`;
}

export function parentOf(path: string): string | null {
  if (path === DAM_ROOT) return null;
  return path.slice(0, path.lastIndexOf('/'));
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `ancestor` or inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `path` moved from under `from` to under `to`. */
export function rebase(path: string, from: string, to: string): string {
  return to + path.slice(from.length);
}

/**
 * `X-Destination`: an absolute URL or a path under `/api/assets`, as the Assets HTTP API takes it
 * (never `/content/dam`). Returns the DAM path.
 */
export function parseDestination(header: string | undefined): string {
  const parameter = 'X-Destination';
  let pathname = header?.trim() ?? '';
  if (/^https?:\/\//i.test(pathname)) {
    try {
      pathname = new URL(pathname).pathname;
    } catch {
      throw badRequest(parameter, `"${pathname.slice(0, 100)}" is not a URL`);
    }
  }
  if (!pathname.startsWith('/')) throw badRequest(parameter, `"${pathname.slice(0, 100)}" must be a URL or a path under ${API_ROOT}`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw badRequest(parameter, 'malformed percent-encoding');
  }
  if (decoded.split('/').some((s) => s === '.' || s === '..')) throw badRequest(parameter, '"." and ".." segments are not allowed');
  return damPathFromApi(decoded.replace(/\.json$/, ''), parameter);
}
