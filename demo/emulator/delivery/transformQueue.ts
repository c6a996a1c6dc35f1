import os from 'node:os';
import { ProblemError } from '../http/problem.ts';

interface TransformQueueOptions {
  /** Jobs running at once; one per core (at least 2), since each render is CPU-bound. */
  concurrency?: number;
  /**
   * Of those, how many may be large jobs; the rest stay free for small ones. Default
   * `concurrency - 1`, at most 2: each large job may hold hundreds of megabytes.
   */
  largeSlots?: number;
  /** Small jobs allowed to wait for a slot before new ones are refused with 503. */
  maxQueued?: number;
  /** Large jobs allowed to wait; each is seconds of CPU, so only a few. */
  maxLargeQueued?: number;
  /** Budget of the result cache, counted in `data` bytes. */
  cacheBytes?: number;
}

interface TransformQueueStats {
  running: number;
  /** Of the running jobs, the large ones. */
  runningLarge: number;
  queued: number;
  queuedLarge: number;
  cachedEntries: number;
  cachedBytes: number;
  /** Calls answered without starting a job: from the cache or by joining one in flight. */
  hits: number;
  /** Calls that started a job. */
  misses: number;
}

type Lane = 'small' | 'large' | 'background';

/**
 * Bounds and deduplicates image transforms: bounded queues in front of a fixed number of slots,
 * one in-flight job per key, and a byte-bounded LRU of recent results. It exists so that a page
 * of thumbnails (or a benchmark) cannot queue unbounded CPU work, and so that the same URL asked
 * for twice at once is rendered once.
 *
 * Two lanes keep a thumbnail from waiting behind a poster: large jobs (the caller says which, by
 * their cost) may hold all slots but one, and a free slot goes to a waiting small job first. Since
 * only so many large jobs run at once, their memory is bounded too. A third lane, `background`
 * (pre-warming), runs one job at a time, only when nothing else waits and a slot stays free
 * beside it, so a request arriving meanwhile starts at once.
 */
export class TransformQueue<T extends { data: Buffer }> {
  private readonly concurrency: number;
  private readonly largeSlots: number;
  private readonly maxQueued: Record<Lane, number>;
  private readonly cacheBytes: number;
  /** Map iteration order is insertion order, so re-inserting on access makes the first key the LRU one. */
  private readonly cache = new Map<string, T>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly waiting: Record<Lane, Array<() => void>> = { small: [], large: [], background: [] };
  private running = 0;
  private runningLarge = 0;
  private runningBackground = 0;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor({
    concurrency = Math.max(2, os.availableParallelism()),
    largeSlots = Math.max(1, Math.min(concurrency - 1, 2)),
    maxQueued = 2000,
    maxLargeQueued = 8,
    cacheBytes = 256 * 1024 * 1024,
  }: TransformQueueOptions = {}) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
    if (!(largeSlots >= 1 && largeSlots <= concurrency)) throw new RangeError(`largeSlots must be from 1 to concurrency, got ${largeSlots}`);
    this.concurrency = concurrency;
    this.largeSlots = largeSlots;
    // Background work is fed a job at a time by its producer; a few waiting is plenty.
    this.maxQueued = { small: maxQueued, large: maxLargeQueued, background: 16 };
    this.cacheBytes = cacheBytes;
  }

  /**
   * The result for `key`: cached, shared with an identical job in flight, or from running `job`
   * when a slot frees up. Rejects with a 503 {@link ProblemError} (Retry-After: 1) when the lane's
   * queue is full. A failed job is not cached; everyone waiting on it gets its error. A
   * `background` job (a pre-warm) waits behind every other; a request for its key joins it.
   */
  run(key: string, job: () => Promise<T>, { large = false, background = false }: { large?: boolean; background?: boolean } = {}): Promise<T> {
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
    const lane: Lane = background ? 'background' : large ? 'large' : 'small';
    if (!this.canStart(lane) && this.waiting[lane].length >= this.maxQueued[lane]) {
      const detail = lane === 'background' ? 'too many background transforms are waiting' : large ? 'too many large transforms are waiting; retry shortly, or ask for fewer pixels' : 'transform queue is full; retry shortly';
      return Promise.reject(new ProblemError(503, detail, undefined, { 'Retry-After': '1' }));
    }
    this.misses++;
    const result = this.withSlot(job, lane).then((value) => {
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
      runningLarge: this.runningLarge,
      queued: this.waiting.small.length + this.waiting.large.length + this.waiting.background.length,
      queuedLarge: this.waiting.large.length,
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

  private canStart(lane: Lane): boolean {
    if (this.running >= this.concurrency) return false;
    if (lane === 'large') return this.runningLarge < this.largeSlots;
    if (lane === 'background') {
      const keepFree = this.concurrency > 1 ? 1 : 0;
      return this.runningBackground === 0 && this.running + keepFree < this.concurrency && this.waiting.small.length === 0 && this.waiting.large.length === 0;
    }
    return true;
  }

  private take(lane: Lane): void {
    this.running++;
    if (lane === 'large') this.runningLarge++;
    if (lane === 'background') this.runningBackground++;
  }

  private async withSlot(job: () => Promise<T>, lane: Lane): Promise<T> {
    // A slot is counted for a waiter when it is handed over, so nothing can overtake it.
    if (this.canStart(lane)) this.take(lane);
    else await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    try {
      return await job();
    } finally {
      this.running--;
      if (lane === 'large') this.runningLarge--;
      if (lane === 'background') this.runningBackground--;
      this.dispatch();
    }
  }

  /** Hands free slots to waiting jobs: small ones first, large ones while their lane has room, background last. */
  private dispatch(): void {
    for (;;) {
      const lane = (['small', 'large', 'background'] as const).find((l) => this.waiting[l].length > 0 && this.canStart(l));
      if (!lane) return;
      this.take(lane);
      this.waiting[lane].shift()!();
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
