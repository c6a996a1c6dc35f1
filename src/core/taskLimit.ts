/** Runs async tasks at most `max` at a time (see {@link createTaskLimit}). */
export interface TaskLimit {
  /**
   * Runs `task` once fewer than `max` are running. A task whose `signal` aborts while it waits is
   * dropped from the queue and rejects with the abort reason; it never starts.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * A first-in, first-out limit on concurrent tasks: a grid that mounts forty restricted thumbnails
 * at once fetches a few at a time, and those scrolled away before their turn are never fetched.
 */
export function createTaskLimit(max: number): TaskLimit {
  if (!Number.isInteger(max) || max < 1) throw new TypeError(`createTaskLimit: max must be a positive integer, got ${max}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          running++;
          // Through a promise, so a task that throws at once still frees its slot.
          new Promise<T>((settle) => settle(task())).then(resolve, reject).finally(next);
        };
        const onAbort = () => {
          const index = waiting.indexOf(start);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        if (running < max) return start();
        waiting.push(start);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
