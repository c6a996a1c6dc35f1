/**
 * A least-recently-used map bounded by the bytes of its values, for caches whose keys clients
 * choose (every distinct query is a key): however many they invent, memory stays under budget.
 */
export class ByteBudgetCache<V> {
  /** Map iteration order is insertion order, so re-inserting on access makes the first key the LRU one. */
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless it alone is over budget, dropping the least recently used to make room. */
  set(key: string, value: V): void {
    const bytes = this.sizeOf(value);
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.total -= previous.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.total -= old.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  stats(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.entries.size, bytes: this.total, maxBytes: this.maxBytes };
  }
}
