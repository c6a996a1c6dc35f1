import { ProblemError } from '../http/problem.ts';

/**
 * At most `concurrency` media jobs at once, at most `maxQueued` waiting; past that a 503 with
 * Retry-After, as the image transform queue answers. Each job is a process holding CPU and memory,
 * so this, not the number of requests, is what bounds the emulator's load.
 */
export class JobLimiter {
  readonly #name: string;
  readonly #concurrency: number;
  readonly #maxQueued: number;
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #peak = 0;

  constructor(name: string, concurrency: number, maxQueued: number) {
    if (!(concurrency >= 1)) throw new RangeError(`${name}: concurrency must be at least 1, got ${concurrency}`);
    if (!(maxQueued >= 0)) throw new RangeError(`${name}: maxQueued must be 0 or more, got ${maxQueued}`);
    this.#name = name;
    this.#concurrency = concurrency;
    this.#maxQueued = maxQueued;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) {
      if (this.#waiting.length >= this.#maxQueued) {
        throw new ProblemError(503, `${this.#name}: ${this.#running} jobs are running and ${this.#waiting.length} waiting; try again shortly`, undefined, { 'Retry-After': '2' });
      }
      await new Promise<void>((start) => this.#waiting.push(start));
    } else {
      this.#running++;
    }
    this.#peak = Math.max(this.#peak, this.#running);
    try {
      return await job();
    } finally {
      // The slot passes straight to the next waiter, so `running` never dips below what is running.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  stats(): { running: number; queued: number; peak: number } {
    return { running: this.#running, queued: this.#waiting.length, peak: this.#peak };
  }
}
