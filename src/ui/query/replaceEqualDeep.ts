/**
 * `next`, with every part equal in value to the same part of `previous` replaced by that part of
 * `previous` (TanStack Query's structural sharing, for JSON: plain objects and arrays are compared
 * by content, anything else by identity). When nothing changed it returns `previous` itself, so a
 * revalidated search whose answer is the same renders nothing again, and a changed one re-renders
 * only the cards whose assets changed.
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  const arrays = Array.isArray(previous) && Array.isArray(next);
  if (!arrays && !(isPlainObject(previous) && isPlainObject(next))) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = arrays ? (next as unknown[]).map((_, i) => String(i)) : Object.keys(after);
  const count = arrays ? (previous as unknown[]).length : Object.keys(before).length;
  const copy: Record<string, unknown> = arrays ? ([] as unknown as Record<string, unknown>) : {};
  let same = keys.length === count;
  for (const key of keys) {
    const value = replaceEqualDeep(before[key], after[key]);
    copy[key] = value;
    if (value !== before[key] || (value === undefined && !Object.hasOwn(before, key))) same = false;
  }
  return (same ? previous : copy) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
