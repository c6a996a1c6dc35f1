import { badRequest } from '../http/problem.ts';

/**
 * `limit` (1–50) and `cursor` for the list endpoints. Their lists are small and fixed, so the
 * cursor is an encoded offset; anything else in it is a 400 naming `cursor`.
 */
export function paginate<T>(items: readonly T[], url: URL, defaultLimit = 50): { items: T[]; cursor?: string } {
  const rawLimit = url.searchParams.get('limit');
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badRequest('limit', `must be an integer from 1 to 50, got "${rawLimit}"`);
  const rawCursor = url.searchParams.get('cursor');
  let start = 0;
  if (rawCursor !== null) {
    const match = /^o(\d+)$/.exec(Buffer.from(rawCursor, 'base64url').toString('latin1'));
    start = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(start) || start <= 0 || start > items.length) throw badRequest('cursor', 'is not a cursor from a previous page of this list');
  }
  const page = items.slice(start, start + limit);
  const next = start + page.length;
  return next < items.length ? { items: page, cursor: Buffer.from(`o${next}`).toString('base64url') } : { items: page };
}
