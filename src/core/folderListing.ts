import { FOLDER_ROOT } from './folderScope.ts';
import { SelectorError } from './selectorError.ts';

/**
 * A folder listing that is not what the Assets HTTP API promises: an `invalid-response`
 * SelectorError, as the repository client reports an answer it cannot read.
 */
export class FolderShapeError extends SelectorError {
  constructor(where: string, expected: string) {
    super('invalid-response', `folders: ${where}: expected ${expected}`);
    this.name = 'FolderShapeError';
  }
}

/** A folder as the folder view shows it and a folder picker hands it to the host. */
export interface FolderEntry {
  /** `repo:path`, e.g. `/content/dam/samples/space`. */
  path: string;
  name: string;
  /** `dc:title`, else the name. */
  title: string;
}

/** One page of a folder listing of the Assets HTTP API (Siren JSON). */
export interface FolderPage {
  folder: FolderEntry;
  /** The page's child folders, in the repository's order. */
  subfolders: FolderEntry[];
  /** The offset of the next page; undefined on the last page, or once the page reached the assets. */
  nextOffset: number | undefined;
}

/** Children per page: the Assets HTTP API's largest page. */
const FOLDER_PAGE_SIZE = 200;
/** Pages followed at most: 10,000 subfolders is more than a person can browse in a list. */
const MAX_PAGES = 50;

/** The Assets HTTP API path (under the repository) of one page of `folder`'s listing. */
export function folderListingPath(folder: string, offset = 0, limit = FOLDER_PAGE_SIZE): string {
  const below = folder.slice(FOLDER_ROOT.length).split('/').filter(Boolean).map(encodeURIComponent).join('/');
  return `/api/assets${below ? `/${below}` : ''}.json?offset=${offset}&limit=${limit}`;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasClass = (entity: Json, name: string) => Array.isArray(entity.class) && entity.class.includes(name);

function entryOf(properties: unknown, where: string): FolderEntry {
  if (!isObject(properties)) throw new FolderShapeError(where, 'properties');
  const { 'repo:path': path, name, 'dc:title': title } = properties;
  if (typeof path !== 'string' || !path.startsWith(FOLDER_ROOT)) throw new FolderShapeError(`${where}.properties`, 'a repo:path under /content/dam');
  const shown = typeof name === 'string' && name ? name : path.slice(path.lastIndexOf('/') + 1);
  return { path, name: shown, title: typeof title === 'string' && title ? title : shown };
}

/**
 * Reads one page of a folder listing: the folder, its child folders, and where the next page
 * starts. The API lists folders first (then assets), so a page with an asset on it holds the last
 * folders, and no page after it needs fetching.
 */
export function parseFolderPage(value: unknown): FolderPage {
  if (!isObject(value) || !hasClass(value, 'assets/folder')) throw new FolderShapeError('folder', 'a Siren entity of class assets/folder');
  const folder = entryOf(value.properties, 'folder');
  const entities = value.entities ?? [];
  if (!Array.isArray(entities)) throw new FolderShapeError('folder.entities', 'an array');
  const subfolders: FolderEntry[] = [];
  let reachedAssets = false;
  entities.forEach((entity, i) => {
    if (!isObject(entity)) throw new FolderShapeError(`folder.entities[${i}]`, 'an entity');
    if (hasClass(entity, 'assets/folder')) subfolders.push(entryOf(entity.properties, `folder.entities[${i}]`));
    else reachedAssets = true;
  });
  const paging = (value.properties as Json)['srn:paging'];
  const { offset = 0, total = undefined } = isObject(paging) ? (paging as { offset?: unknown; total?: unknown }) : {};
  if (typeof offset !== 'number' || (total !== undefined && typeof total !== 'number')) throw new FolderShapeError('folder.properties.srn:paging', 'numbers');
  const next = offset + entities.length;
  return { folder, subfolders, nextOffset: reachedAssets || entities.length === 0 || next >= (total ?? next) ? undefined : next };
}

/**
 * A folder and all its child folders, following the listing's pages (up to 50 of 200) until the
 * assets begin. `read` fetches one page by its path under the repository.
 */
export async function listSubfolders(folder: string, read: (path: string) => Promise<unknown>): Promise<{ folder: FolderEntry; subfolders: FolderEntry[] }> {
  const first = parseFolderPage(await read(folderListingPath(folder)));
  const subfolders = [...first.subfolders];
  let next = first.nextOffset;
  for (let page = 1; next !== undefined && page < MAX_PAGES; page++) {
    const more = parseFolderPage(await read(folderListingPath(folder, next)));
    subfolders.push(...more.subfolders);
    next = more.nextOffset;
  }
  return { folder: first.folder, subfolders };
}

/** The folders from the root down to `path`, each by its name (the root as `rootTitle`), for breadcrumbs. */
export function folderTrail(path: string, rootTitle: string): FolderEntry[] {
  const names = path.slice(FOLDER_ROOT.length).split('/').filter(Boolean);
  const trail: FolderEntry[] = [{ path: FOLDER_ROOT, name: 'dam', title: rootTitle }];
  names.forEach((name, i) => trail.push({ path: `${FOLDER_ROOT}/${names.slice(0, i + 1).join('/')}`, name, title: name }));
  return trail;
}
