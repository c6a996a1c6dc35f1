import { describe, expect, it } from 'vitest';
import { createTaskLimit } from '../../src/core/taskLimit.ts';

/** A task that finishes when told to, recording when it started. */
function deferredTask(started: string[], name: string) {
  let finish!: (value: string) => void;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { task: () => (started.push(name), done), finish: () => finish(name) };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createTaskLimit', () => {
  it('runs at most max tasks at once, the others in order as slots free up', async () => {
    const limit = createTaskLimit(2);
    const started: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => deferredTask(started, name));
    const results = tasks.map((t) => limit.run(t.task));
    await flush();
    expect(started).toEqual(['a', 'b']);
    tasks[1]!.finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    tasks[0]!.finish();
    tasks[2]!.finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    tasks[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a waiting task whose signal aborts never starts, and rejects with the reason', async () => {
    const limit = createTaskLimit(1);
    const started: string[] = [];
    const first = deferredTask(started, 'first');
    const second = deferredTask(started, 'second');
    const third = deferredTask(started, 'third');
    const running = limit.run(first.task);
    const abort = new AbortController();
    const dropped = limit.run(second.task, abort.signal);
    const after = limit.run(third.task);
    abort.abort(new DOMException('scrolled away', 'AbortError'));
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    first.finish();
    third.finish();
    expect(await running).toBe('first');
    expect(await after).toBe('third');
    expect(started).toEqual(['first', 'third']);
    await expect(limit.run(second.task, abort.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a task that throws or rejects frees its slot', async () => {
    const limit = createTaskLimit(1);
    await expect(limit.run(() => { throw new Error('at once'); })).rejects.toThrow('at once');
    await expect(limit.run(() => Promise.reject(new Error('later')))).rejects.toThrow('later');
    expect(await limit.run(async () => 'still runs')).toBe('still runs');
    expect(() => createTaskLimit(0)).toThrow(TypeError);
  });
});
