import { collectionJob, collectionPage, collectionSummary, memberPage, type CollectionPage, type CollectionSummary } from './collectionShapes.ts';
import type { RepositoryClient, RequestOptions, SendRequest } from './repositoryClient.ts';
import { retryAfterMs, sleep } from './retryTiming.ts';
import { SelectorError } from './selectorError.ts';

/** The spec marks reading one collection, its items and a job's status experimental. */
const EXPERIMENTAL = { 'X-Adobe-Accept-Experimental': '1' };
/** Pages of 50 members read at most: 2,000 members, twice what a repository lets one collection hold. */
const MAX_MEMBER_PAGES = 40;
/** Polls of a long-running write before giving up (about two minutes at the spec's one second). */
const MAX_POLLS = 120;

/** A collection as read, with the ETag a write to it must send as `If-Match`. */
export interface CollectionVersion {
  collection: CollectionSummary;
  etag: string | undefined;
}

/**
 * The collection operations of the spec the selector uses, over a repository client (its auth,
 * retries and errors). Writes send `If-Match` with the collection's ETag; a stale one is a
 * SelectorError with status 412. A write that the repository answers 202 (the long-running form)
 * is followed to its end through the job status URL in `Location`, at the pace `Retry-After` sets.
 */
export interface CollectionsApi {
  /** One page of the collections (`GET /collections`). */
  list(cursor?: string, init?: RequestOptions): Promise<CollectionPage>;
  /** One collection and its ETag. */
  read(id: string, init?: RequestOptions): Promise<CollectionVersion>;
  /** The ids of every asset in the collection the caller may see, in the collection's order. */
  members(id: string, init?: RequestOptions): Promise<string[]>;
  /** A new collection holding `assetIds`. */
  create(input: { title: string; description?: string; assetIds: readonly string[] }, init?: RequestOptions): Promise<CollectionVersion>;
  /** Adds or removes assets; resolves to the collection's new ETag (undefined when the answer did not give one). */
  changeItems(id: string, etag: string | undefined, op: 'add' | 'remove', assetIds: readonly string[], init?: RequestOptions): Promise<string | undefined>;
}

interface Answer {
  json: unknown;
  status: number;
  headers: Headers;
}

const answer = (json: unknown, response: Response): Answer => ({ json, status: response.status, headers: response.headers });

export function collectionsApi(client: RepositoryClient, repository: string, wait: typeof sleep = sleep): CollectionsApi {
  const base = `${repository}/adobe/assets/collections`;
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  const send = (request: SendRequest, init: RequestOptions | undefined) => client.send(request, answer, init);
  const page = (url: string, cursor: string | undefined) => `${url}?${new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) })}`;

  /** A write's outcome: at once (2xx), or once its job has finished (202). */
  async function settle(operation: string, first: Answer, init: RequestOptions | undefined): Promise<{ data: Record<string, unknown>; answer: Answer }> {
    if (first.status !== 202) return { data: {}, answer: first };
    const statusUrl = new URL(first.headers.get('Location') ?? '', `${repository}/`).href;
    let delay = retryAfterMs(first.headers.get('Retry-After'), 10_000) ?? 1000;
    for (let poll = 0; poll < MAX_POLLS; poll++) {
      await wait(delay, init?.signal);
      const polled = await send({ operation: `${operation} status`, method: 'GET', url: statusUrl, headers: EXPERIMENTAL }, init);
      const job = collectionJob(polled.json);
      if (job.status < 300 && job.status !== 202) return { data: job.data, answer: polled };
      if (job.status >= 300) {
        // Credentials were checked before the 202: what a job meets is a missing item or a changed collection (412).
        const detail = job.error ?? `status ${job.status}`;
        throw new SelectorError(job.status === 404 ? 'not-found' : 'bad-request', `${operation} failed (${job.status}): ${detail}`, { status: job.status, problem: { status: job.status, detail } });
      }
      delay = retryAfterMs(polled.headers.get('Retry-After'), 10_000) ?? 1000;
    }
    throw new SelectorError('unavailable', `${operation}: still running`);
  }

  const items = (ids: readonly string[], op?: 'add' | 'remove') => ids.map((id) => ({ ...(op ? { op } : {}), id, type: 'asset' }));
  const quoted = (etag: unknown) => (typeof etag === 'string' && etag ? etag : undefined);

  return {
    list: async (cursor, init) => collectionPage((await send({ operation: 'collections', method: 'GET', url: page(base, cursor) }, init)).json),
    read: async (id, init) => {
      const read = await send({ operation: 'collection', method: 'GET', url: one(id), headers: EXPERIMENTAL }, init);
      return { collection: collectionSummary(read.json), etag: quoted(read.headers.get('ETag')) };
    },
    members: async (id, init) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let n = 0; n < MAX_MEMBER_PAGES; n++) {
        const read = memberPage((await send({ operation: 'collection items', method: 'GET', url: page(`${one(id)}/items`, cursor), headers: EXPERIMENTAL }, init)).json);
        ids.push(...read.assetIds);
        cursor = read.cursor;
        if (!cursor) break;
      }
      return ids;
    },
    create: async ({ title, description, assetIds }, init) => {
      const body = { title, ...(description ? { description } : {}), items: items(assetIds) };
      const first = await send({ operation: 'create collection', method: 'POST', url: base, body }, init);
      const { data, answer: last } = await settle('create collection', first, init);
      if (first.status !== 202) return { collection: collectionSummary(last.json), etag: quoted(last.headers.get('ETag')) };
      // The job names the new collection; its title and description are what was asked for.
      return { collection: collectionSummary({ id: data.collectionId, collectionMetadata: { title, description } }), etag: quoted(data.etag) };
    },
    changeItems: async (id, etag, op, assetIds, init) => {
      // Without an ETag (a repository that does not expose it) only `*` can be sent: the write then wins over a concurrent one.
      const first = await send({ operation: `${op} collection items`, method: 'POST', url: `${one(id)}/items`, body: items(assetIds, op), headers: { 'If-Match': etag ?? '*' } }, init);
      const { data, answer: last } = await settle(`${op} collection items`, first, init);
      return first.status === 202 ? quoted(data.etag) : quoted(last.headers.get('ETag'));
    },
  };
}
