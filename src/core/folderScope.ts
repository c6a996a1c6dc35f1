import type { QueryNode } from './types.ts';

/** The top of the repository's folder tree: every asset's `repo:path` starts with it. */
export const FOLDER_ROOT = '/content/dam';

/**
 * A folder path as the `folder` option takes it: `/content/dam` or a path below it, without a
 * trailing slash, empty segments, `.` or `..`. Returns it without a trailing slash, or undefined
 * when it is not one.
 */
export function folderPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const path = value.length > FOLDER_ROOT.length ? value.replace(/\/$/, '') : value;
  if (path !== FOLDER_ROOT && !path.startsWith(`${FOLDER_ROOT}/`)) return undefined;
  return path.split('/').slice(1).every((segment) => segment && segment !== '.' && segment !== '..') ? path : undefined;
}

/**
 * The host's scope with the folder's added: a `term` on `repositoryMetadata.repo:path`, which the
 * repository matches against an asset's path and every folder above it, so the search keeps the
 * assets in `folder` and below. The root scopes nothing (every asset is under it).
 */
export function scopeToFolder(query: readonly QueryNode[] | undefined, folder: string | undefined): readonly QueryNode[] | undefined {
  if (folder === undefined || folder === FOLDER_ROOT) return query;
  return [...(query ?? []), { term: { 'repositoryMetadata.repo:path': [folder] } }];
}
