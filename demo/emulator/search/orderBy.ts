import { badRequest } from '../http/problem.ts';
import { parseFieldPath, type FieldPath } from './fieldPath.ts';

export interface SortKey {
  field: FieldPath;
  descending: boolean;
}

/** `"repositoryMetadata.repo:size desc, metadata.repositoryMetadata.repo:createDate"` → sort keys. */
export function parseOrderBy(orderBy: string): SortKey[] {
  return orderBy.split(',').map((expression, i) => {
    const parts = expression.trim().split(/\s+/);
    const at = `orderBy[${i}]`;
    if (parts.length === 0 || parts[0] === '' || parts.length > 2) throw badRequest('orderBy', `${at}: expected "<field path> [asc|desc]", got "${expression.trim()}"`);
    const direction = (parts[1] ?? 'asc').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw badRequest('orderBy', `${at}: direction must be asc or desc, got "${parts[1]}"`);
    const field = parseFieldPath(parts[0]!);
    if (!field) throw badRequest('orderBy', `${at}: "${parts[0]}" is not a field path (repositoryMetadata.<name> or assetMetadata.<name>)`);
    return { field, descending: direction === 'desc' };
  });
}
