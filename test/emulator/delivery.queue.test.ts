import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import { TransformQueue } from '../../demo/emulator/delivery/transformQueue.ts';

interface Result {
  data: Buffer;
  id: string;
}

/** A job whose completion the test controls. */
function deferred(id: string, bytes = 10) {
  let resolve!: (r: Result) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Result>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, done: () => resolve({ data: Buffer.alloc(bytes), id }), fail: (e: Error) => reject(e) };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const result = (id: string, bytes = 10): Result => ({ data: Buffer.alloc(bytes), id });

describe('TransformQueue', () => {
  it('runs at most `concurrency` jobs at once, in FIFO order', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 2 });
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const jobs = Array.from({ length: 8 }, (_, i) =>
      queue.run(`k${i}`, async () => {
        started.push(i);
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        return result(`r${i}`);
      }),
    );
    await tick();
    expect(queue.stats()).toMatchObject({ running: 2, queued: 6 });
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 8 }, (_, i) => `r${i}`));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(queue.stats()).toMatchObject({ running: 0, queued: 0, misses: 8, hits: 0 });
  });

  it('joins a job already in flight for the same key', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 1 });
    const job = deferred('one');
    let calls = 0;
    const render = () => {
      calls++;
      return job.promise;
    };
    const a = queue.run('same', render);
    const b = queue.run('same', render);
    await tick();
    job.done();
    const [ra, rb] = await Promise.all([a, b]);
    expect(calls).toBe(1);
    expect(ra).toBe(rb);
    expect(queue.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('serves a recent result from the cache', async () => {
    const queue = new TransformQueue<Result>();
    let calls = 0;
    const render = async () => {
      calls++;
      return result('cached', 100);
    };
    const first = await queue.run('k', render);
    const second = await queue.run('k', render);
    expect(second).toBe(first);
    expect(calls).toBe(1);
    expect(queue.stats()).toMatchObject({ cachedEntries: 1, cachedBytes: 100, hits: 1, misses: 1 });
    queue.clear();
    await queue.run('k', render);
    expect(calls).toBe(2);
  });

  it('evicts the least recently used results to stay within the byte budget', async () => {
    const queue = new TransformQueue<Result>({ cacheBytes: 250 });
    const renders: string[] = [];
    const run = (key: string, bytes = 100) =>
      queue.run(key, async () => {
        renders.push(key);
        return result(key, bytes);
      });
    await run('a');
    await run('b');
    await run('a'); // a is now the most recently used
    await run('c'); // 300 bytes > 250: b goes
    expect(queue.stats()).toMatchObject({ cachedEntries: 2, cachedBytes: 200 });
    await run('a');
    await run('c');
    expect(renders).toEqual(['a', 'b', 'c']);
    await run('b');
    expect(renders).toEqual(['a', 'b', 'c', 'b']);
    await run('huge', 1000); // larger than the whole budget: served, never cached
    expect(queue.stats()).toMatchObject({ cachedBytes: 200 });
  });

  it('refuses work with a 503 and Retry-After when the queue is full', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 1, maxQueued: 2 });
    const blocker = deferred('blocker');
    const accepted = [queue.run('a', () => blocker.promise), queue.run('b', async () => result('b')), queue.run('c', async () => result('c'))];
    const refused = await queue.run('d', async () => result('d')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    // Joining a job already queued costs nothing, so it is still allowed.
    const joined = queue.run('c', async () => result('never'));
    blocker.done();
    expect((await Promise.all([...accepted, joined])).map((r) => r.id)).toEqual(['blocker', 'b', 'c', 'c']);
    expect((await queue.run('d', async () => result('d'))).id).toBe('d');
  });

  it('does not cache a failed job, and frees its slot', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 1 });
    const failing = deferred('x');
    const a = queue.run('k', () => failing.promise);
    const b = queue.run('k', () => failing.promise);
    failing.fail(new Error('decode failed'));
    await expect(a).rejects.toThrow('decode failed');
    await expect(b).rejects.toThrow('decode failed');
    expect(queue.stats()).toMatchObject({ cachedEntries: 0, running: 0 });
    const retried = await queue.run('k', async () => result('ok'));
    expect(retried.id).toBe('ok');
    const thrown = queue.run('sync', () => {
      throw new Error('synchronous');
    });
    await expect(thrown).rejects.toThrow('synchronous');
    expect(queue.stats().running).toBe(0);
  });

  it('keeps a slot for small jobs: a thumbnail runs while large jobs wait their turn', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 2 });
    const order: string[] = [];
    const job = (id: string, d: ReturnType<typeof deferred>) => async () => {
      order.push(`start ${id}`);
      const r = await d.promise;
      order.push(`end ${id}`);
      return r;
    };
    const [big1, big2, big3, thumb] = [deferred('big1'), deferred('big2'), deferred('big3'), deferred('thumb')];
    const bigRuns = [queue.run('b1', job('big1', big1), { large: true }), queue.run('b2', job('big2', big2), { large: true })];
    await tick();
    expect(queue.stats()).toMatchObject({ running: 1, runningLarge: 1, queued: 1, queuedLarge: 1 });
    const thumbRun = queue.run('t', job('thumb', thumb));
    await tick();
    expect(order).toEqual(['start big1', 'start thumb']);
    thumb.done();
    expect((await thumbRun).id).toBe('thumb');
    expect(queue.stats()).toMatchObject({ running: 1, runningLarge: 1, queuedLarge: 1 });

    // A freed slot goes to a waiting small job before a waiting large one.
    const small = [deferred('s1'), deferred('s2')];
    const blockers = [queue.run('s1', job('s1', small[0]!)), queue.run('s2', job('s2', small[1]!))];
    queue.run('b3', job('big3', big3), { large: true });
    await tick();
    expect(queue.stats()).toMatchObject({ running: 2, queued: 3, queuedLarge: 2 });
    big1.done();
    await tick();
    expect(order.slice(-2)).toEqual(['end big1', 'start s2']);
    small[0]!.done();
    small[1]!.done();
    await Promise.all(blockers);
    await tick();
    expect(order.slice(-1)).toEqual(['start big2']);
    expect(queue.stats()).toMatchObject({ running: 1, runningLarge: 1, queuedLarge: 1 });
    big2.done();
    big3.done();
    expect((await Promise.all(bigRuns)).map((r) => r.id)).toEqual(['big1', 'big2']);
  });

  it('lets only a few large jobs wait, and says so with a 503', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 2, maxLargeQueued: 1 });
    const blocker = deferred('blocker');
    const waiting = deferred('waiting');
    const accepted = [queue.run('a', () => blocker.promise, { large: true }), queue.run('b', () => waiting.promise, { large: true })];
    const refused = await queue.run('c', async () => result('c'), { large: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    // Small jobs are not held back by the large lane's queue.
    expect((await queue.run('small', async () => result('small'))).id).toBe('small');
    blocker.done();
    waiting.done();
    await Promise.all(accepted);
  });

  it('runs background jobs one at a time, with a slot always free for a request, and after every waiting request', async () => {
    const queue = new TransformQueue<Result>({ concurrency: 2 });
    const started: string[] = [];
    const jobs = new Map<string, ReturnType<typeof deferred>>();
    const job = (id: string) => () => {
      started.push(id);
      const d = deferred(id);
      jobs.set(id, d);
      return d.promise;
    };
    const warm = ['w1', 'w2', 'w3'].map((id) => queue.run(id, job(id), { background: true }));
    await tick();
    // One background job; the other slot stays free.
    expect(started).toEqual(['w1']);
    const request = queue.run('r1', job('r1'));
    await tick();
    expect(started).toEqual(['w1', 'r1']);
    // Both slots busy: a second request waits, and goes before the waiting background jobs.
    const second = queue.run('r2', job('r2'));
    jobs.get('w1')!.done();
    await tick();
    expect(started).toEqual(['w1', 'r1', 'r2']);
    jobs.get('r1')!.done();
    jobs.get('r2')!.done();
    await Promise.all([request, second]);
    await tick();
    expect(started).toEqual(['w1', 'r1', 'r2', 'w2']);
    // A request for a key being warmed joins that job instead of rendering it again.
    const joined = queue.run('w2', job('w2-again'));
    jobs.get('w2')!.done();
    expect((await joined).id).toBe('w2');
    await tick();
    jobs.get('w3')!.done();
    await Promise.all(warm);
    expect(started).toEqual(['w1', 'r1', 'r2', 'w2', 'w3']);
  });
});
