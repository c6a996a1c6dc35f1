import { archiveRequestFor, archivesUrl, archiveStatusUrl } from './archiveRequest.ts';
import { parseArchiveStatus, type ArchiveStatus } from './archiveStatus.ts';
import type { TokenSource } from './options.ts';
import { retryAfterMs, sleep } from './retryTiming.ts';
import { problemDetails } from './responseShapes.ts';
import { SelectorError } from './selectorError.ts';

export interface ArchiveConnection {
  repository: string;
  token?: TokenSource | undefined;
  apiKey?: string | undefined;
  fetch?: typeof fetch;
  /** How to wait between polls (default: a timer); must reject with the signal's reason when it aborts. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Longest wait between polls, whatever `Retry-After` says. Default 10 s. */
  maxPollDelayMs?: number;
  /** Give up (an `unavailable` error with Retry) when the archive is not done after this long. Default 30 min. */
  maxWaitMs?: number;
  /** How often a 429, 5xx or network failure of one request is tried again. Default 3. */
  retries?: number;
}

/** What the selector knows while an archive builds: each status it polled. */
export interface ArchiveProgress {
  /** Status requests answered so far (0 right after the archive was requested). */
  polls: number;
  status: ArchiveStatus | undefined;
}

export interface BuildArchiveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ArchiveProgress) => void;
  namePrefix?: string;
}

/** Until a server says otherwise: the spec leaves the first interval to `Retry-After`. */
const DEFAULT_POLL_MS = 1000;

/**
 * Builds an archive of `assetIds` the way dm-openapi.txt describes it: `POST /archives`, then the
 * status from the answer's `Location` (when it is on the repository: the bearer token goes only
 * there), polled at the pace of `Retry-After`, until COMPLETED (the status with its files) or
 * FAILED (a SelectorError). Aborting the signal stops at once. The token travels only in the
 * `Authorization` header; the files' URLs carry the server's own download token, never ours.
 */
export async function buildArchive(connection: ArchiveConnection, assetIds: readonly string[], options: BuildArchiveOptions = {}): Promise<ArchiveStatus> {
  const { repository } = connection;
  const body = JSON.stringify(archiveRequestFor(assetIds, options.namePrefix));
  const { signal, onProgress } = options;
  const wait = connection.sleep ?? sleep;
  const maxDelay = connection.maxPollDelayMs ?? 10_000;
  const deadline = Date.now() + (connection.maxWaitMs ?? 30 * 60_000);
  const send = sender(connection, signal);

  const created = await send('createArchive', 'POST', archivesUrl(repository), body);
  const id = readJson(created.text, 'createArchive', created.response.status, (json) => {
    const value = (json as { id?: unknown } | null)?.id;
    if (typeof value !== 'string' || !/^[\w.-]{1,200}$/.test(value)) throw new TypeError('archive.id: expected an archive id (letters, digits, ".", "_", "-")');
    return value;
  });
  const statusUrl = statusUrlFrom(created.response.headers.get('Location'), repository) ?? archiveStatusUrl(repository, id);
  onProgress?.({ polls: 0, status: undefined });
  let delay = retryAfterMs(created.response.headers.get('Retry-After'), maxDelay) ?? DEFAULT_POLL_MS;
  for (let polls = 1; ; polls++) {
    await wait(delay, signal);
    const answer = await send('archiveStatus', 'GET', statusUrl);
    const status = readJson(answer.text, 'archiveStatus', answer.response.status, parseArchiveStatus);
    onProgress?.({ polls, status });
    if (status.status === 'COMPLETED') return status;
    if (status.status === 'FAILED') {
      const detail = status.errors.join('; ') || 'the repository could not build the archive';
      throw new SelectorError('unavailable', `archive ${id} failed: ${detail}`, { status: answer.response.status, problem: { detail } });
    }
    if (Date.now() >= deadline) throw new SelectorError('unavailable', `archive ${id} was still processing when the selector stopped waiting`);
    // Without Retry-After the pace slows down, so a server that never says stays lightly loaded.
    delay = retryAfterMs(answer.response.headers.get('Retry-After'), maxDelay) ?? Math.min(maxDelay, DEFAULT_POLL_MS * 2 ** Math.min(polls, 4));
  }
}

function readJson<T>(text: string, operation: string, status: number, parse: (json: unknown) => T): T {
  try {
    return parse(JSON.parse(text));
  } catch (cause) {
    const why = cause instanceof SyntaxError ? 'the response is not JSON' : (cause as Error).message;
    throw new SelectorError('invalid-response', `${operation}: ${why}`, { status, cause });
  }
}

/** One request with the bearer token (asked again once after a 401/403 when it is a function) and retries of 429, 5xx and network failures. */
function sender(connection: ArchiveConnection, signal: AbortSignal | undefined) {
  const fetchImpl: typeof fetch = connection.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const wait = connection.sleep ?? sleep;
  const retries = connection.retries ?? 3;
  const token = async () => {
    const source = connection.token;
    if (typeof source !== 'function') return source || undefined;
    try {
      return (await source()) || undefined;
    } catch (cause) {
      throw new SelectorError('unauthorized', 'the token function failed', { cause });
    }
  };
  return async (operation: string, method: 'GET' | 'POST', url: string, body?: string): Promise<{ response: Response; text: string }> => {
    let bearer = await token();
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      if (connection.apiKey) headers['X-Api-Key'] = connection.apiKey;
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url, { method, headers, body, signal });
        text = await response.text();
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
        if (attempt >= retries) throw new SelectorError('network', `${operation}: could not reach ${url.split('?')[0]}`, { cause });
        await wait(300 * 2 ** attempt, signal);
        continue;
      }
      if (response.ok) return { response, text };
      const status = response.status;
      let problem;
      try {
        problem = problemDetails(JSON.parse(text));
      } catch {
        problem = undefined;
      }
      const message = `${operation} failed (${status}): ${problem?.detail ?? problem?.title ?? (response.statusText || 'no details')}`;
      const details = problem ? { status, problem } : { status };
      if (status === 401 || status === 403) {
        if (refreshed || typeof connection.token !== 'function') throw new SelectorError('unauthorized', message, details);
        refreshed = true;
        bearer = await token();
        continue;
      }
      if ((status === 429 || status >= 500) && attempt < retries) {
        await wait(retryAfterMs(response.headers.get('Retry-After'), connection.maxPollDelayMs ?? 10_000) ?? 300 * 2 ** attempt, signal);
        continue;
      }
      throw new SelectorError(status === 429 || status >= 500 ? 'unavailable' : status === 404 ? 'not-found' : 'bad-request', message, details);
    }
  };
}

/** `Location`, resolved, when it is on the repository (same origin, under its path): the only place the bearer token goes. */
function statusUrlFrom(location: string | null, repository: string): string | undefined {
  if (!location) return undefined;
  try {
    const target = new URL(location, archivesUrl(repository));
    const base = new URL(repository);
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return target.origin === base.origin && !target.username && !target.password && target.pathname.startsWith(prefix) ? target.href : undefined;
  } catch {
    return undefined;
  }
}
