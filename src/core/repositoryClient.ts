import { imagePresetsUrl, metadataUrl, renditionsUrl, repositoryBase, searchUrlFor, smartCropsUrl } from './deliveryUrl.ts';
import type { TokenSource } from './options.ts';
import {
  imagePresetsResponse,
  metadataResponse,
  problemDetails,
  renditionsResponse,
  searchResponse,
  ShapeError,
  smartCropsResponse,
} from './responseShapes.ts';
import { retryAfterMs, sleep } from './retryTiming.ts';
import { SelectorError } from './selectorError.ts';

export { retryAfterMs } from './retryTiming.ts';
import type {
  AssetMetadataResponse,
  ImagePresetsResponse,
  ProblemDetails,
  RenditionsResponse,
  SearchRequest,
  SearchResponse,
  SmartCropsResponse,
} from './types.ts';

export interface RepositoryClientOptions {
  /** Base URL of the DM OpenAPI host. */
  repository: string;
  /** Search endpoint when it lives elsewhere; default `${repository}/adobe/assets/search`. */
  searchUrl?: string;
  /** Bearer token, or a function returning one: called for each request, and once more after a 401/403. */
  token?: TokenSource;
  /** Sent as `X-Api-Key`. */
  apiKey?: string;
  /** The fetch to use (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** How many times a 429, 5xx or network failure is retried. Default 3. */
  retries?: number;
  /** Base of the exponential backoff (full jitter: a random wait up to base × 2^attempt). Default 300 ms. */
  retryBaseMs?: number;
  /** Longest wait between attempts, `Retry-After` included. Default 10 s: longer, and the user is better off pressing Retry. */
  maxRetryDelayMs?: number;
  /** How to wait between attempts (default: a timer); it must reject with the signal's reason when that aborts. Tests pass one that records the waits. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export interface RequestOptions {
  /** Aborting rejects with the abort reason (an `AbortError`), at once, and nothing is retried. */
  signal?: AbortSignal;
}

export interface ImageRequestOptions extends RequestOptions {
  /** The `Accept` header. Default: what Chromium's `<img>` sends, so auto-format answers as it would for the page. */
  accept?: string;
  /**
   * Whether the token goes along (default true). Without it the request is a plain CORS GET, as an
   * `<img>` makes it: no preflight, and no token function is called.
   */
  authorize?: boolean;
}

/** A JSON operation the client has no method for (collections: src/core/collectionClient.ts). */
export interface SendRequest {
  /** Names it in error messages. */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** On the repository (anything else is a TypeError, so the token goes nowhere else). */
  url: string;
  /** Sent as JSON. */
  body?: unknown;
  /** More headers (`If-Match`, `X-Adobe-Accept-Experimental`). */
  headers?: Record<string, string>;
}

/** A delivered image's bytes and what the repository said they are. */
export interface ImageBytes {
  blob: Blob;
  /** The response's `Content-Type` (what auto-format chose). */
  contentType: string;
}

/** The reads a selector makes, with auth, retries and checked response shapes. */
export interface RepositoryClient {
  search(request: SearchRequest, init?: RequestOptions): Promise<SearchResponse>;
  metadata(assetId: string, init?: RequestOptions): Promise<AssetMetadataResponse>;
  smartCrops(assetId: string, init?: RequestOptions): Promise<SmartCropsResponse>;
  imagePresets(init?: RequestOptions): Promise<ImagePresetsResponse>;
  renditions(assetId: string, init?: RequestOptions): Promise<RenditionsResponse>;
  /** JSON of another API on the repository (the Assets HTTP API's folders): `path` starts with `/`, under the repository's URL. */
  read(operation: string, path: string, init?: RequestOptions): Promise<unknown>;
  /**
   * A delivery URL's bytes, with the token: the way to show an asset whose delivery needs
   * authorization (an `<img>` cannot send a header). Only URLs on the repository are fetched, so
   * the token never goes anywhere else; any other URL is a TypeError.
   */
  image(url: string, init?: ImageRequestOptions): Promise<ImageBytes>;
  /**
   * Any other JSON operation, with the same auth and errors; `parse` gets the body (undefined
   * when empty, as a 204's) and the response, for its status and headers. Only a GET is sent
   * again after a network failure or 5xx (a write might have landed); a 429 is always retried.
   */
  send<T>(request: SendRequest, parse: (json: unknown, response: Response) => T, init?: RequestOptions): Promise<T>;
}

/** Chromium's `Accept` for images; auto-format negotiates on AVIF and WebP in it. */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8';

interface Call<B, T> {
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: string;
  headers?: Record<string, string> | undefined;
  /** Whether an attempt that may have reached the server can be sent again (a 429 always can). */
  replay?: boolean;
  accept: string;
  /** Whether the token goes along. */
  authorize: boolean;
  /** Whether the API key goes along: the JSON APIs ask for it, delivery does not. */
  apiKey: boolean;
  /** Reads a successful answer's body (where the connection may still fail). */
  read: (response: Response) => Promise<B>;
  /** Checks what was read: a SyntaxError or a {@link ShapeError} means the answer is not what the API promises. */
  parse: (body: B, response: Response) => T;
  signal: AbortSignal | undefined;
}

/** What one attempt ended in, when it did not give the result. */
type Outcome = { retry: true; waitMs: number | undefined; error: SelectorError } | { retry: false; error: SelectorError } | { auth: true; error: SelectorError };

/**
 * A client for the repository's JSON reads. Every failure is a {@link SelectorError} with a
 * `code` the UI can act on, except an abort, which rejects with the abort reason as `fetch` does
 * (a query cancels a stale request by aborting it). Tokens are only ever put into
 * the `Authorization` header: never into URLs, error messages or logs.
 */
export function createRepositoryClient(options: RepositoryClientOptions): RepositoryClient {
  const repository = repositoryBase(options.repository, 'createRepositoryClient');
  const searchUrl = options.searchUrl ?? searchUrlFor(repository);
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 300;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
  if (!Number.isInteger(retries) || retries < 0) throw new TypeError('createRepositoryClient: retries must be a non-negative integer');
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const wait = options.sleep ?? sleep;

  async function currentToken(signal: AbortSignal | undefined): Promise<string | undefined> {
    const source = options.token;
    if (typeof source !== 'function') return source || undefined;
    let token: string;
    try {
      token = await source();
    } catch (cause) {
      throw new SelectorError('unauthorized', 'the token function failed', { cause });
    }
    signal?.throwIfAborted();
    return token || undefined;
  }

  function headersFor<B, T>(call: Call<B, T>, token: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { ...call.headers, Accept: call.accept };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.authorize && token) headers.Authorization = `Bearer ${token}`;
    if (call.apiKey && options.apiKey) headers['X-Api-Key'] = options.apiKey;
    return headers;
  }

  async function attempt<B, T>(call: Call<B, T>, token: string | undefined): Promise<{ value: T } | Outcome> {
    const { operation, signal } = call;
    let response: Response;
    let body: B | undefined;
    let text = '';
    try {
      response = await fetchImpl(call.url, { method: call.method, headers: headersFor(call, token), body: call.body, signal });
      if (response.ok) body = await call.read(response);
      else text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (isAbortError(cause)) throw cause;
      const where = call.url.split('?')[0];
      return { retry: true, waitMs: undefined, error: new SelectorError('network', `${operation}: could not reach ${where}`, { cause }) };
    }
    const status = response.status;
    if (response.ok) {
      try {
        return { value: call.parse(body as B, response) };
      } catch (cause) {
        if (cause instanceof SyntaxError) return { retry: false, error: new SelectorError('invalid-response', `${operation}: the response is not JSON`, { status, cause }) };
        if (!(cause instanceof ShapeError)) throw cause;
        return { retry: false, error: new SelectorError('invalid-response', `${operation}: ${cause.message}`, { status, cause }) };
      }
    }
    const problem = parseProblem(text);
    const message = `${operation} failed (${status}): ${problem?.detail ?? problem?.title ?? (response.statusText || 'no details')}`;
    const details = problem ? { status, problem } : { status };
    if (status === 401 || status === 403) return { auth: true, error: new SelectorError('unauthorized', message, details) };
    if (status === 429 || status >= 500) {
      return { retry: true, waitMs: retryAfterMs(response.headers.get('Retry-After'), maxRetryDelayMs), error: new SelectorError('unavailable', message, details) };
    }
    return { retry: false, error: new SelectorError(status === 404 ? 'not-found' : 'bad-request', message, details) };
  }

  async function run<B, T>(call: Call<B, T>): Promise<T> {
    const { signal } = call;
    signal?.throwIfAborted();
    // A fixed token (or none) is read without an await, so the request leaves in the task that
    // asked for it: a search started while the selector renders is sent before the render ends.
    let token = !call.authorize ? undefined : typeof options.token === 'function' ? await currentToken(signal) : options.token || undefined;
    let refreshed = false;
    for (let retry = 0; ; ) {
      signal?.throwIfAborted();
      const outcome = await attempt(call, token);
      if ('value' in outcome) return outcome.value;
      if ('auth' in outcome) {
        // A function may hand out a fresh token (the old one expired); a fixed string cannot change.
        if (refreshed || !call.authorize || typeof options.token !== 'function') throw outcome.error;
        refreshed = true;
        token = await currentToken(signal);
        continue;
      }
      if (!outcome.retry || retry >= retries || (call.replay === false && outcome.error.status !== 429)) throw outcome.error;
      // Full jitter spreads the retries of many clients; Retry-After, when given, is the server's word.
      const delay = outcome.waitMs ?? Math.random() * Math.min(maxRetryDelayMs, retryBaseMs * 2 ** retry);
      retry++;
      await wait(delay, signal);
    }
  }

  /** Compared as parsed URLs, so `https://repo.example.evil/…` or `https://repo@evil/…` never passes for the repository. */
  function onRepository(method: string, url: string): void {
    if (!isOnRepository(url, repository)) throw new TypeError(`asset-selector: ${method}(url) fetches only URLs of ${repository}, got ${url.split('?')[0]}`);
  }

  const json = <T>(operation: string, method: 'GET' | 'POST', url: string, parse: (json: unknown) => T, init: RequestOptions | undefined, body?: string) =>
    run<string, T>({
      operation,
      method,
      url,
      ...(body === undefined ? {} : { body }),
      accept: 'application/json',
      authorize: true,
      apiKey: true,
      read: (response) => response.text(),
      parse: (text) => parse(JSON.parse(text)),
      signal: init?.signal,
    });
  const get = <T>(operation: string, url: string, parse: (json: unknown) => T, init?: RequestOptions) => json(operation, 'GET', url, parse, init);

  return {
    search: (request, init) => json('search', 'POST', searchUrl, searchResponse, init, JSON.stringify(request)),
    metadata: (assetId, init) => get('metadata', metadataUrl(repository, assetId), metadataResponse, init),
    smartCrops: (assetId, init) => get('smartCrops', smartCropsUrl(repository, assetId), smartCropsResponse, init),
    imagePresets: (init) => get('imagePresets', imagePresetsUrl(repository), imagePresetsResponse, init),
    renditions: (assetId, init) => get('renditions', renditionsUrl(repository, assetId), renditionsResponse, init),
    read: (operation, path, init) => get(operation, repository + path, (body) => body, init),
    send: <T,>(request: SendRequest, parse: (json: unknown, response: Response) => T, init?: RequestOptions) => {
      onRepository('send', request.url);
      return run<string, T>({
        operation: request.operation,
        method: request.method,
        url: request.url,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        headers: request.headers,
        replay: request.method === 'GET',
        accept: 'application/json',
        authorize: true,
        apiKey: true,
        read: (response) => response.text(),
        parse: (text, response) => parse(text ? JSON.parse(text) : undefined, response),
        signal: init?.signal,
      });
    },
    image: async (url, init) => {
      onRepository('image', url);
      return run<Blob, ImageBytes>({
        operation: 'image',
        method: 'GET',
        url,
        accept: init?.accept ?? IMAGE_ACCEPT,
        authorize: init?.authorize ?? true,
        apiKey: false,
        read: (response) => response.blob(),
        parse: (blob, response) => {
          const contentType = response.headers.get('Content-Type') ?? blob.type;
          if (!/^image\//i.test(contentType)) throw new ShapeError('image', `an image, got ${contentType || 'no Content-Type'}`);
          return { blob, contentType };
        },
        signal: init?.signal,
      });
    },
  };
}

/** Whether `url` is on the repository: same origin, under its path. */
function isOnRepository(url: string, repository: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(repository);
  } catch {
    return false;
  }
  if (target.origin !== base.origin || target.username || target.password) return false;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return target.pathname.startsWith(prefix);
}

function parseProblem(text: string): ProblemDetails | undefined {
  try {
    return problemDetails(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
