import { useQuery } from './query/useQuery.ts';
import type { RepositoryClient } from '../core/repositoryClient.ts';
import { createTaskLimit, type TaskLimit } from '../core/taskLimit.ts';
import { useObjectUrl } from './useObjectUrl.ts';
import { useRepositoryClient } from './useRepositoryClient.ts';

/**
 * How many images one selector fetches with its token at a time. A browser opens six connections
 * per host; four leave room for the search a person is typing.
 */
const CONCURRENT_IMAGES = 4;

const limits = new WeakMap<RepositoryClient, TaskLimit>();
function limitFor(client: RepositoryClient): TaskLimit {
  let limit = limits.get(client);
  if (!limit) {
    limit = createTaskLimit(CONCURRENT_IMAGES);
    limits.set(client, limit);
  }
  return limit;
}

export interface AuthorizedImage {
  /** An object URL of the bytes, while they are here and this component shows them. */
  src: string | undefined;
  /** The repository refused it, or it never arrived: nothing will show. */
  failed: boolean;
}

/**
 * Shows a delivery URL that needs the token: fetched by the repository client with
 * `Authorization` (an `<img>` cannot send it), a few at a time, and shown through an object URL
 * that lives as long as the component (useObjectUrl). The bytes are kept in the selector's query
 * cache (with the other queries no one reads, the most recent 30), so a thumbnail scrolled away and
 * back is not fetched again. A component that goes before its image arrives stops the request (an
 * entry aborts its request when its last reader goes), and
 * one still waiting for its turn never sends it. `url` undefined fetches nothing.
 */
export function useAuthorizedImage(url: string | undefined): AuthorizedImage {
  const { client, key } = useRepositoryClient();
  const query = useQuery({
    key: ['image', key, url],
    fetch: (signal) => limitFor(client).run(() => client.image(url!, { signal }), signal),
    enabled: url !== undefined,
    staleTime: Infinity,
  });
  const src = useObjectUrl(url === undefined ? undefined : query.data?.blob);
  return { src, failed: url !== undefined && query.isError };
}
