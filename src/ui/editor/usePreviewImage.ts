import { useEffect, useRef, useState } from 'react';
import type { RepositoryClient } from '../../core/repositoryClient.ts';
import type { ProblemDetails } from '../../core/types.ts';
import { SelectorError, useRepositoryClient, useSelector } from '../editorHost.ts';

/** How long input must rest before the exact URL replaces a stand-in. */
const SETTLE_MS = 150;

/** A loaded preview: what the `<img>` shows, and what the response said about the bytes. */
interface PreviewImage {
  /** The delivery URL these bytes came from. */
  url: string;
  /**
   * The `<img>`'s src: the delivery URL itself for a public image (the browser has the bytes in
   * its cache from the fetch, and a strict Content-Security-Policy's `img-src` allows it), an object
   * URL of the bytes for one that needed the token.
   */
  objectUrl: string;
  contentType: string;
  bytes: number;
  /** Whether this is the reduced-width stand-in rather than the exact URL. */
  standIn: boolean;
}

export interface PreviewState {
  image: PreviewImage | undefined;
  /** Whether a request is under way. */
  loading: boolean;
  /** The last refusal for the current URL (the image stays the last good one). */
  problem: ProblemDetails | undefined;
  /** A failure without a problem body (network). */
  failed: boolean;
}

/**
 * Loads the preview with fetch, so the previous image stays until the next has arrived (no
 * flicker), a stale request can be aborted and a refusal's problem is read. A change that comes while input is
 * moving (less than {@link SETTLE_MS} after the previous one) loads `standInUrl` at once and the
 * exact URL only once input rests; a lone change loads the exact URL at once. `url` undefined
 * (the draft breaks a rule) makes no request. Object URLs are revoked when replaced and on unmount.
 * A `restricted` image is fetched with the token; a public one without, and with it once more
 * when the repository says it is not there (404, 401, 403) and a token is configured.
 */
export function usePreviewImage(url: string | undefined, standInUrl: string | undefined, restricted: boolean): PreviewState {
  const { client } = useRepositoryClient();
  const hasToken = useSelector((s) => s.options.token !== undefined && s.options.token !== '');
  const access = useRef({ client, restricted, hasToken });
  access.current = { client, restricted, hasToken };
  const [state, setState] = useState<PreviewState>({ image: undefined, loading: false, problem: undefined, failed: false });
  const controller = useRef<AbortController | undefined>(undefined);
  const lastChange = useRef(0);
  const current = useRef<string | undefined>(undefined);
  const shown = useRef<PreviewImage | undefined>(undefined);

  useEffect(() => {
    const load = (target: string, standIn: boolean) => {
      if (current.current === target) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      current.current = target;
      setState((s) => ({ ...s, loading: true }));
      const { client, restricted, hasToken } = access.current;
      void fetchPreview(client, target, abort.signal, restricted ? 'token' : hasToken ? 'public-then-token' : 'public').then(
        (result) => {
          if (abort.signal.aborted) {
            if ('objectUrl' in result) release(result.objectUrl);
            return;
          }
          if ('objectUrl' in result) {
            const previous = shown.current;
            shown.current = { ...result, url: target, standIn };
            setState({ image: shown.current, loading: false, problem: undefined, failed: false });
            if (previous) release(previous.objectUrl);
          } else {
            current.current = undefined;
            setState((s) => ({ ...s, loading: false, problem: result.problem, failed: result.problem === undefined }));
          }
        },
        () => {
          if (abort.signal.aborted) return;
          current.current = undefined;
          setState((s) => ({ ...s, loading: false, problem: undefined, failed: true }));
        },
      );
    };

    if (url === undefined) {
      controller.current?.abort();
      current.current = undefined;
      setState((s) => ({ ...s, loading: false, problem: undefined, failed: false }));
      return;
    }
    const now = performance.now();
    const moving = now - lastChange.current < SETTLE_MS;
    lastChange.current = now;
    if (!moving || standInUrl === undefined) {
      load(url, false);
      return;
    }
    load(standInUrl, true);
    const timer = setTimeout(() => load(url, false), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [url, standInUrl]);

  // On unmount: stop the request and free the last image.
  useEffect(
    () => () => {
      controller.current?.abort();
      if (shown.current) release(shown.current.objectUrl);
      shown.current = undefined;
    },
    [],
  );
  return state;
}

/** Frees an object URL; a delivery URL needs nothing. */
function release(src: string): void {
  if (src.startsWith('blob:')) URL.revokeObjectURL(src);
}

type FetchResult = Omit<PreviewImage, 'url' | 'standIn'> | { problem: ProblemDetails | undefined };

/** How a preview is fetched: with the token, without, or without and then once with it. */
type Access = 'token' | 'public' | 'public-then-token';

async function fetchPreview(client: RepositoryClient, url: string, signal: AbortSignal, access: Access): Promise<FetchResult> {
  try {
    // The client asks with the Accept an <img> sends, so the preview shows the format a page
    // using the URL would get (fetch alone sends */*, which auto-format answers with JPEG).
    const { blob, contentType } = await client.image(url, { signal, authorize: access === 'token' });
    return { objectUrl: access === 'token' ? URL.createObjectURL(blob) : url, contentType, bytes: blob.size };
  } catch (error) {
    if (signal.aborted || !(error instanceof SelectorError)) throw error;
    if (access === 'public-then-token' && (error.code === 'not-found' || error.code === 'unauthorized')) return fetchPreview(client, url, signal, 'token');
    if (error.code === 'network') return { problem: undefined };
    return { problem: error.problem ?? { status: error.status, title: error.message } };
  }
}
