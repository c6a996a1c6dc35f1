/**
 * The first page of the last few searches, for the whole page: a selector mounted again (a host's
 * route coming back, a second selector on the same repository) shows the results it showed before
 * in its first frame, and asks the repository again once that frame is painted (stale while
 * revalidating).
 *
 * Only what the same credentials would get: an entry is for one repository, search URL, API key and
 * request (its `id`) and one `owner`, the string token or none; a selector with a token *function*
 * neither reads nor writes here (the function may answer for another user next time). Held in memory
 * only, at most KEEP entries and for at most FRESH_MS; no timers (an old entry goes when it is read).
 */
const KEEP = 8;
const FRESH_MS = 5 * 60_000;

interface Recent {
  owner: string | undefined;
  page: unknown;
  at: number;
}

const recent = new Map<string, Recent>();

export function recallFirstPage<P>(id: string, owner: string | undefined, now = Date.now()): P | undefined {
  const hit = recent.get(id);
  if (!hit) return undefined;
  if (now - hit.at > FRESH_MS) {
    recent.delete(id);
    return undefined;
  }
  return hit.owner === owner ? (hit.page as P) : undefined;
}

export function rememberFirstPage(id: string, owner: string | undefined, page: unknown, now = Date.now()): void {
  recent.delete(id);
  recent.set(id, { owner, page, at: now });
  // Map order is insertion order: the first key is the least recently stored.
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
}

/** Forgets every entry (each test starts from an empty page). */
export function forgetRecentFirstPages(): void {
  recent.clear();
}
