import { useEffect, useRef, useState } from 'react';
import type { ProblemDetails } from '../../core/types.ts';

/** How long input must rest before the exact URL replaces a stand-in. */
const SETTLE_MS = 150;

/** A loaded preview: an object URL of the delivered bytes, and what the response said about them. */
interface PreviewImage {
  /** The delivery URL these bytes came from. */
  url: string;
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

/** Chromium's Accept for images; AVIF and WebP are what auto-format negotiates on. */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8';

/**
 * Loads the preview with fetch, as an object URL, so the previous image stays until the next has
 * arrived (no flicker) and a stale request can be aborted. A change that comes while input is
 * moving (less than {@link SETTLE_MS} after the previous one) loads `standInUrl` at once and the
 * exact URL only once input rests; a lone change loads the exact URL at once. `url` undefined
 * (the draft breaks a rule) makes no request. Object URLs are revoked when replaced and on unmount.
 */

export function usePreviewImage(url: string | undefined, standInUrl: string | undefined): PreviewState {
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
      void fetchPreview(target, abort.signal).then(
        (result) => {
          if (abort.signal.aborted) {
            if ('objectUrl' in result) URL.revokeObjectURL(result.objectUrl);
            return;
          }
          if ('objectUrl' in result) {
            const previous = shown.current;
            shown.current = { ...result, url: target, standIn };
            setState({ image: shown.current, loading: false, problem: undefined, failed: false });
            if (previous) URL.revokeObjectURL(previous.objectUrl);
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
      if (shown.current) URL.revokeObjectURL(shown.current.objectUrl);
      shown.current = undefined;
    },
    [],
  );
  return state;
}

type FetchResult = Omit<PreviewImage, 'url' | 'standIn'> | { problem: ProblemDetails | undefined };

async function fetchPreview(url: string, signal: AbortSignal): Promise<FetchResult> {
  // The Accept an <img> sends, so the preview shows the format a page using the URL would get
  // (fetch alone sends */*, which auto-format answers with JPEG).
  const response = await fetch(url, { signal, headers: { Accept: IMAGE_ACCEPT } });
  if (!response.ok) {
    let problem: ProblemDetails | undefined;
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      problem = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
    }
    return { problem };
  }
  const blob = await response.blob();
  return { objectUrl: URL.createObjectURL(blob), contentType: response.headers.get('Content-Type') ?? blob.type, bytes: blob.size };
}
