import { replaceEqualDeep } from './replaceEqualDeep.ts';

/** What the readers of one query see. Replaced, never mutated, on every change (a snapshot for React). */
export interface QueryState<T> {
  readonly data: T | undefined;
  /** The last failure, the same object for every reader (so it is reported once); null when none. */
  readonly error: unknown;
  readonly status: 'pending' | 'success' | 'error';
  /** What is in flight: nothing, the whole query, or (paged queries) the next page. */
  readonly fetching: 'none' | 'all' | 'next';
  /** The error is the next page's: the pages before it are still there. */
  readonly nextPageFailed: boolean;
  /** When `data` arrived (ms since the epoch); 0 before. */
  readonly updatedAt: number;
}

const INITIAL: QueryState<never> = { data: undefined, error: null, status: 'pending', fetching: 'none', nextPageFailed: false, updatedAt: 0 };

/**
 * One cached query: its state, its readers, and at most one request in flight, which is aborted
 * when the last reader goes (a newer search replaced it, or the selector unmounted), so a stale
 * request never lands. Framework-free; useQuery and useInfiniteQuery bind it to React.
 */
export class QueryEntry<T> {
  private current: QueryState<T> = INITIAL;
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private before: QueryState<T> = INITIAL;
  /** The last whole-query load, for `refresh`. */
  private load: ((signal: AbortSignal) => Promise<T>) | undefined;

  readonly getState = (): QueryState<T> => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      // Nobody waits for it any more: cancel it, and leave the state as it was before it started.
      if (this.listeners.size === 0 && this.controller) {
        this.controller.abort();
        this.controller = undefined;
        this.set(this.before);
      }
    };
  };

  get observed(): boolean {
    return this.listeners.size > 0;
  }

  /** Whether a reader arriving now should fetch: never fetched, failed, or older than `staleTime`. */
  needsFetch(staleTime: number, now = Date.now()): boolean {
    const { status, fetching, updatedAt } = this.current;
    return fetching === 'none' && (status !== 'success' || now - updatedAt > staleTime);
  }

  /**
   * Shows `data` before anything was fetched or failed (the first page a selector showed before,
   * see recentFirstPages.ts), as data old enough that any reader fetches it again.
   */
  seed(data: T): void {
    if (this.current === INITIAL) this.set({ ...INITIAL, data, status: 'success', updatedAt: 1 });
  }

  /**
   * Runs `load` for the whole query (`all`) or its next page (`next`; `load` returns the data with
   * that page added). A second `all` while one is in flight waits for it; `all` replaces a `next`
   * in flight; `next` waits for nothing and is ignored while anything is in flight.
   */
  fetch(kind: 'all' | 'next', load: (signal: AbortSignal) => Promise<T>): void {
    const { fetching } = this.current;
    if (kind === 'all') this.load = load;
    if (fetching === 'all' || (kind === 'next' && fetching === 'next')) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.before = this.current;
    const hasData = this.current.updatedAt > 0;
    // A retry after a failure without data shows as loading again; with data, the data stays meanwhile.
    this.set({ ...this.current, fetching: kind, ...(hasData ? {} : { status: 'pending', error: null }), ...(kind === 'next' ? { status: 'success', error: null, nextPageFailed: false } : {}) });
    load(controller.signal).then(
      (data) => {
        if (this.controller !== controller) return;
        this.controller = undefined;
        // A whole answer equal to what is shown keeps its objects (and its readers' renders); a next
        // page is only appended to the pages there (no walk over them).
        this.set({ data: kind === 'all' ? replaceEqualDeep(this.current.data, data) : data, error: null, status: 'success', fetching: 'none', nextPageFailed: false, updatedAt: Date.now() });
      },
      (error: unknown) => {
        if (this.controller !== controller) return;
        this.controller = undefined;
        this.set({ ...this.current, error, status: 'error', fetching: 'none', nextPageFailed: kind === 'next' });
      },
    );
  }

  /** The repository changed (an upload was approved): fetches the whole query again, its data shown meanwhile. */
  refresh(): void {
    if (this.load) this.fetch('all', this.load);
  }

  private set(state: QueryState<T>): void {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}
