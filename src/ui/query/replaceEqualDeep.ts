/**
 * `next`, with every part equal in value to the same part of `previous` replaced by that part of
 * `previous` (TanStack Query's structural sharing, for JSON: plain objects and arrays are compared
 * by content, anything else by identity). When nothing changed it returns `previous` itself, so a
 * revalidated search whose answer is the same renders nothing again, and a changed one re-renders
 * only the cards whose assets changed.
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (previous === next || !json(previous) || !json(next) || Array.isArray(previous) !== Array.isArray(next)) return next;
  const before = previous as Record<string, unknown>;
  const copy = (Array.isArray(next) ? [] : {}) as Record<string, unknown>;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(before).length;
  for (const key of keys) {
    copy[key] = replaceEqualDeep(before[key], (next as Record<string, unknown>)[key]);
    if (copy[key] !== before[key] || !(key in before)) same = false;
  }
  return (same ? previous : copy) as T;
}

/** A plain object or an array: what JSON.parse makes. */
function json(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
