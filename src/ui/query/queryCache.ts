import { QueryEntry } from './queryEntry.ts';

/** How many queries no one reads are kept, most recently used first, for going back to them. */
const KEEP_UNOBSERVED = 30;

/**
 * One selector's queries by key (a JSON-serializable array). Created by SelectorRoot and gone with
 * it: no timers, no module state, so two selectors never share entries and nothing outlives an
 * unmount (recentFirstPages.ts alone keeps a few first pages page-wide, under their credentials). A query nobody reads stays for a while (going back to an earlier search shows its
 * results at once); past KEEP_UNOBSERVED of them, the least recently used go.
 */
export class QueryCache {
  private readonly entries = new Map<string, QueryEntry<unknown>>();

  entry<T>(key: readonly unknown[]): QueryEntry<T> {
    const id = JSON.stringify(key);
    let entry = this.entries.get(id);
    if (entry) {
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.entries.delete(id);
      this.entries.set(id, entry);
    } else {
      entry = new QueryEntry<unknown>();
      this.entries.set(id, entry);
      this.evict();
    }
    return entry as QueryEntry<T>;
  }

  /**
   * Queries whose key starts with `kind` are out of date: those read now fetch again (keeping their
   * data meanwhile), the others are dropped, so going back to one fetches it afresh.
   */
  invalidate(kind: string): void {
    for (const [id, entry] of this.entries) {
      if (!id.startsWith(`[${JSON.stringify(kind)},`)) continue;
      if (entry.observed) entry.refresh();
      else this.entries.delete(id);
    }
  }

  private evict(): void {
    let unobserved = 0;
    for (const entry of this.entries.values()) if (!entry.observed) unobserved++;
    for (const [id, entry] of this.entries) {
      if (unobserved <= KEEP_UNOBSERVED) return;
      if (entry.observed) continue;
      this.entries.delete(id);
      unobserved--;
    }
  }
}
