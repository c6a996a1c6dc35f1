import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../src/ui/query/queryCache.ts';
import { QueryEntry } from '../../src/ui/query/queryEntry.ts';
import { prefetchInfiniteQuery } from '../../src/ui/query/useInfiniteQuery.ts';
import { replaceEqualDeep } from '../../src/ui/query/replaceEqualDeep.ts';

/** A request the test settles by hand, recording the signal it was given. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const calls: AbortSignal[] = [];
  const load = (signal: AbortSignal) => {
    calls.push(signal);
    return promise;
  };
  return { load, calls, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('QueryEntry', () => {
  it('fetches, and its readers see pending, then fetching, then the data', async () => {
    const entry = new QueryEntry<string>();
    const seen: string[] = [];
    entry.subscribe(() => seen.push(`${entry.getState().status}/${entry.getState().fetching}`));
    const request = deferred<string>();
    entry.fetch('all', request.load);
    request.resolve('results');
    await settle();
    expect(seen).toEqual(['pending/all', 'success/none']);
    expect(entry.getState()).toMatchObject({ data: 'results', error: null, status: 'success' });
    expect(entry.needsFetch(60_000)).toBe(false);
    expect(entry.needsFetch(60_000, Date.now() + 60_001)).toBe(true);
  });

  it('aborts the request when its last reader goes, and a late answer changes nothing', async () => {
    const entry = new QueryEntry<string>();
    const first = entry.subscribe(() => {});
    const second = entry.subscribe(() => {});
    const request = deferred<string>();
    entry.fetch('all', request.load);
    first();
    expect(request.calls[0]!.aborted).toBe(false);
    second();
    expect(request.calls[0]!.aborted).toBe(true);
    expect(entry.getState()).toMatchObject({ status: 'pending', fetching: 'none', data: undefined });
    request.resolve('stale');
    await settle();
    expect(entry.getState().data).toBeUndefined();
    // The next reader fetches afresh.
    expect(entry.needsFetch(60_000)).toBe(true);
  });

  it('runs one whole-query request at a time; a whole-query fetch replaces a next-page fetch in flight', async () => {
    const entry = new QueryEntry<string[]>();
    entry.subscribe(() => {});
    const first = deferred<string[]>();
    const again = deferred<string[]>();
    entry.fetch('all', first.load);
    entry.fetch('all', again.load);
    expect(again.calls).toHaveLength(0);
    first.resolve(['page 1']);
    await settle();
    const next = deferred<string[]>();
    entry.fetch('next', next.load);
    entry.fetch('next', next.load);
    expect(next.calls).toHaveLength(1);
    const refetch = deferred<string[]>();
    entry.fetch('all', refetch.load);
    expect(next.calls[0]!.aborted).toBe(true);
    next.resolve(['page 1', 'late page 2']);
    refetch.resolve(['page 1 again']);
    await settle();
    expect(entry.getState().data).toEqual(['page 1 again']);
  });

  it('a failed next page keeps the pages before it; retrying it clears the error while it runs', async () => {
    const entry = new QueryEntry<string[]>();
    entry.subscribe(() => {});
    const first = deferred<string[]>();
    entry.fetch('all', first.load);
    first.resolve(['page 1']);
    await settle();
    const failure = new Error('503');
    const next = deferred<string[]>();
    entry.fetch('next', next.load);
    next.reject(failure);
    await settle();
    expect(entry.getState()).toMatchObject({ data: ['page 1'], status: 'error', error: failure, nextPageFailed: true, fetching: 'none' });
    const retry = deferred<string[]>();
    entry.fetch('next', retry.load);
    expect(entry.getState()).toMatchObject({ status: 'success', error: null, nextPageFailed: false, fetching: 'next' });
    retry.resolve(['page 1', 'page 2']);
    await settle();
    expect(entry.getState()).toMatchObject({ data: ['page 1', 'page 2'], status: 'success' });
  });

  it('a failed first request is pending again on Retry, and every reader gets the same error object', async () => {
    const entry = new QueryEntry<string>();
    entry.subscribe(() => {});
    const failing = deferred<string>();
    entry.fetch('all', failing.load);
    const failure = new Error('boom');
    failing.reject(failure);
    await settle();
    expect(entry.getState().error).toBe(failure);
    expect(entry.needsFetch(60_000)).toBe(true);
    const retry = deferred<string>();
    entry.fetch('all', retry.load);
    expect(entry.getState()).toMatchObject({ status: 'pending', error: null });
  });
});

describe('structural sharing', () => {
  it('an answer equal to what is shown keeps every object; a changed one keeps the unchanged parts', async () => {
    const entry = new QueryEntry<Array<{ id: string; tags: string[] }>>();
    entry.subscribe(() => {});
    const shown = [{ id: 'a', tags: ['x'] }, { id: 'b', tags: ['y'] }];
    entry.seed(shown);
    const same = deferred<Array<{ id: string; tags: string[] }>>();
    entry.fetch('all', same.load);
    same.resolve(structuredClone(shown));
    await settle();
    expect(entry.getState().data).toBe(shown);
    const changed = deferred<Array<{ id: string; tags: string[] }>>();
    entry.fetch('all', changed.load);
    changed.resolve([{ id: 'a', tags: ['x'] }, { id: 'b', tags: ['z'] }, { id: 'c', tags: [] }]);
    await settle();
    const data = entry.getState().data!;
    expect(data).not.toBe(shown);
    expect(data[0]).toBe(shown[0]);
    expect(data[1]).toEqual({ id: 'b', tags: ['z'] });
    expect(data.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('compares JSON only: a key that appears, or goes, is a change; other objects by identity', () => {
    expect(replaceEqualDeep({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    const previous = { a: 1, b: 2 };
    expect(replaceEqualDeep(previous, { a: 1 })).not.toBe(previous);
    const date = new Date(0);
    expect(replaceEqualDeep({ d: date }, { d: new Date(0) }).d).not.toBe(date);
    const list = [1, 2];
    expect(replaceEqualDeep(list, [1, 2])).toBe(list);
    expect(replaceEqualDeep(list, [1, 2, 3])).toEqual([1, 2, 3]);
  });
});

describe('QueryCache', () => {
  it('gives one entry per key, and keeps at most 30 nobody reads, dropping the least recently used', () => {
    const cache = new QueryCache();
    const read = cache.entry(['search', 1, { text: 'kite' }]);
    expect(cache.entry(['search', 1, { text: 'kite' }])).toBe(read);
    read.subscribe(() => {});
    const first = cache.entry(['search', 1, { text: 'first' }]);
    const used = cache.entry(['search', 1, { text: 'used' }]);
    for (let i = 0; i < 28; i++) cache.entry(['search', 1, { text: `filler ${i}` }]);
    // 30 unobserved, all kept. Using "used" again makes "first" the least recently used.
    expect(cache.entry(['search', 1, { text: 'used' }])).toBe(used);
    cache.entry(['search', 1, { text: 'one too many' }]);
    expect(cache.entry(['search', 1, { text: 'used' }])).toBe(used);
    expect(cache.entry(['search', 1, { text: 'kite' }])).toBe(read);
    expect(cache.entry(['search', 1, { text: 'first' }])).not.toBe(first);
  });
});

describe('QueryCache.invalidate', () => {
  it('fetches the read queries of that kind again, keeping their data meanwhile, and drops the unread ones', async () => {
    const cache = new QueryCache();
    let n = 0;
    const load = async () => `page ${++n}`;
    const read = cache.entry<string>(['search', 1, { q: 'a' }]);
    const unsubscribe = read.subscribe(() => {});
    read.fetch('all', load);
    await settle();
    const unread = cache.entry<string>(['search', 1, { q: 'b' }]);
    unread.fetch('all', load);
    const other = cache.entry<string>(['metadata', 'x']);
    other.subscribe(() => {});
    other.fetch('all', load);
    await settle();
    expect([read.getState().data, unread.getState().data, other.getState().data]).toEqual(['page 1', 'page 2', 'page 3']);

    cache.invalidate('search');
    // The read one keeps its data while it fetches again.
    expect(read.getState()).toMatchObject({ data: 'page 1', fetching: 'all' });
    await settle();
    expect(read.getState().data).toBe('page 4');
    // The unread one is gone: asking for it again starts afresh; another kind is untouched.
    expect(cache.entry<string>(['search', 1, { q: 'b' }]).getState().data).toBeUndefined();
    expect(other.getState()).toMatchObject({ data: 'page 3', fetching: 'none' });
    unsubscribe();
  });
});

describe('prefetchInfiniteQuery', () => {
  /** The query; each page it is asked for is recorded in `sent` ('first', or the cursor). */
  const query = (sent: string[]) => ({
    key: ['search', 1, { text: 'kite' }],
    fetchPage: async (cursor: string | undefined) => {
      sent.push(cursor ?? 'first');
      return 'fresh first page';
    },
    nextCursor: () => undefined,
  });

  it('sends the first page\'s request before any reader is there', async () => {
    const cache = new QueryCache();
    const sent: string[] = [];
    prefetchInfiniteQuery(cache, query(sent));
    expect(sent).toEqual(['first']);
    const entry = cache.entry<string[]>(['search', 1, { text: 'kite' }]);
    expect(entry.getState().fetching).toBe('all');
    await settle();
    expect(entry.getState().data).toEqual(['fresh first page']);
    // Asked again while fresh, it sends nothing.
    prefetchInfiniteQuery(cache, query(sent));
    expect(sent).toEqual(['first']);
  });

  it('with a recalled first page shows that and sends nothing: its reader asks again, as data old enough to fetch', () => {
    const cache = new QueryCache();
    const sent: string[] = [];
    prefetchInfiniteQuery(cache, query(sent), () => 'recalled first page');
    const entry = cache.entry<string[]>(['search', 1, { text: 'kite' }]);
    expect(sent).toEqual([]);
    expect(entry.getState()).toMatchObject({ data: ['recalled first page'], status: 'success', fetching: 'none' });
    expect(entry.needsFetch(60_000)).toBe(true);
    // A render after the first does not send it either (the readers' effect does).
    prefetchInfiniteQuery(cache, query(sent), () => 'recalled first page');
    expect(sent).toEqual([]);
  });
});
