import os from 'node:os';
import { ProblemError } from '../http/problem.ts';

export interface TransformQueueOptions {
  /** Jobs running at once; one per core by default, since each render is CPU-bound. */
  concurrency?: number;
  /** Jobs allowed to wait for a slot before new ones are refused with 503. */
  maxQueued?: number;
  /** Budget of the result cache, counted in `data` bytes. */
  cacheBytes?: number;
}

export interface TransformQueueStats {
  running: number;
  queued: number;
  cachedEntries: number;
  cachedBytes: number;
  /** Calls answered without starting a job: from the cache or by joining one in flight. */
  hits: number;
  /** Calls that started a job. */
  misses: number;
}

/**
 * Bounds and deduplicates image transforms: a bounded FIFO in front of a fixed number of slots,
 * one in-flight job per key, and a byte-bounded LRU of recent results. It exists so that a page
 * of thumbnails (or a benchmark) cannot queue unbounded CPU work, and so that the same URL asked
 * for twice at once is rendered once.
 */
export class TransformQueue<T extends { data: Buffer }> {
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly cacheBytes: number;
  /** Map iteration order is insertion order, so re-inserting on access makes the first key the LRU one. */
  private readonly cache = new Map<string, T>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor({ concurrency = os.availableParallelism(), maxQueued = 2000, cacheBytes = 256 * 1024 * 1024 }: TransformQueueOptions = {}) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
    this.concurrency = concurrency;
    this.maxQueued = maxQueued;
    this.cacheBytes = cacheBytes;
  }

  /**
   * The result for `key`: cached, shared with an identical job in flight, or from running `job`
   * when a slot frees up. Rejects with a 503 {@link ProblemError} (Retry-After: 1) when the queue
   * is full. A failed job is not cached; everyone waiting on it gets its error.
   */
  run(key: string, job: () => Promise<T>): Promise<T> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      this.hits++;
      return Promise.resolve(cached);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.hits++;
      return pending;
    }
    if (this.running >= this.concurrency && this.waiting.length >= this.maxQueued) {
      return Promise.reject(new ProblemError(503, 'transform queue is full; retry shortly', undefined, { 'Retry-After': '1' }));
    }
    this.misses++;
    const result = this.withSlot(job).then((value) => {
      this.remember(key, value);
      return value;
    });
    const tracked = result.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, tracked);
    return tracked;
  }

  stats(): TransformQueueStats {
    return {
      running: this.running,
      queued: this.waiting.length,
      cachedEntries: this.cache.size,
      cachedBytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
    };
  }

  /** Forgets every cached result (jobs in flight are unaffected). */
  clear(): void {
    this.cache.clear();
    this.bytes = 0;
  }

  private async withSlot(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    // A released slot is handed straight to the next waiter, so `running` stays counted for it.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private remember(key: string, value: T): void {
    const size = value.data.length;
    if (size > this.cacheBytes) return;
    const previous = this.cache.get(key);
    if (previous) {
      this.cache.delete(key);
      this.bytes -= previous.data.length;
    }
    this.cache.set(key, value);
    this.bytes += size;
    for (const [oldKey, old] of this.cache) {
      if (this.bytes <= this.cacheBytes) break;
      this.cache.delete(oldKey);
      this.bytes -= old.data.length;
    }
  }
}
