import { useState } from 'react';
import { requiresAuthorization } from '../core/requiresAuthorization.ts';
import type { AssetSummary } from '../core/types.ts';
import { useAuthorizedImage } from './useAuthorizedImage.ts';
import { useDelivery } from './useDelivery.ts';

/** The `<img>` props of a delivered image. */
interface DeliveredImageProps {
  src: string | undefined;
  srcSet: string | undefined;
  onError: () => void;
  /** Which way the image came: plain (`public`), or fetched with the token (`authorized`). */
  'data-delivery': 'public' | 'authorized';
  ref: (img: HTMLImageElement | null) => void;
}

export interface DeliveredImage {
  props: DeliveredImageProps;
  /** Neither way could show it: the caller shows a stand-in (the kind's icon) or nothing. */
  unavailable: boolean;
}

/**
 * How the selector shows an image of an asset: a public one as a plain `<img src srcset>` (cheap,
 * cached by the browser and the CDN), a restricted one (`dam:roles`, see requiresAuthorization)
 * fetched with the token and shown as an object URL. A repository that does not mark restricted
 * assets is covered too: when a plain load fails and a token is configured, the image is fetched
 * once more with the token. `src` undefined shows nothing. The token is never in a URL, an
 * attribute or the DOM: only object URLs are.
 */
export function useDeliveredImage(asset: Pick<AssetSummary, 'assetMetadata'>, src: string | undefined, srcSet?: string): DeliveredImage {
  const { hasToken } = useDelivery();
  // The URLs whose plain load, and whose fetched bytes, failed (keyed by URL: a new URL tries again).
  const [publicFailed, setPublicFailed] = useState<string>();
  const [decodeFailed, setDecodeFailed] = useState<string>();
  const [ref] = useState(stopLoadOnRemoval);
  const authorized = src !== undefined && (requiresAuthorization(asset) || (hasToken && publicFailed === src));
  const fetched = useAuthorizedImage(authorized ? src : undefined);
  if (!authorized) {
    return {
      props: { src, srcSet, onError: () => setPublicFailed(src), 'data-delivery': 'public', ref },
      unavailable: src !== undefined && publicFailed === src,
    };
  }
  return {
    props: { src: fetched.src, srcSet: undefined, onError: () => setDecodeFailed(src), 'data-delivery': 'authorized', ref },
    unavailable: fetched.failed || decodeFailed === src,
  };
}

const SOURCES = ['srcset', 'src'] as const;

/**
 * A ref that stops the image's load when its element goes. Chromium keeps loading an `<img>`
 * removed from the document, and keeps the element (with the removed subtree it hangs in) alive
 * until the bytes arrive: scrolling fast through thousands of results left hundreds of downloads
 * for cards long gone queued ahead of the thumbnails in view, and their cards in memory. Taking
 * `srcset` and `src` away while the element is still in the document cancels the request and lets
 * the element go (e2e/thumbnailCancel.spec.ts). A ref is let go of just before its element is
 * removed; when the same element comes back (StrictMode's trial unmount, a hidden subtree shown
 * again) its sources are put back.
 */
function stopLoadOnRemoval(): (img: HTMLImageElement | null) => void {
  let current: HTMLImageElement | null = null;
  let taken: { img: HTMLImageElement; values: Array<string | null> } | undefined;
  return (img) => {
    if (img) {
      if (taken?.img === img) SOURCES.forEach((name, i) => taken!.values[i] != null && !img.hasAttribute(name) && img.setAttribute(name, taken!.values[i]!));
      taken = undefined;
    } else if (current) {
      const values = stopLoading(current);
      taken = values && { img: current, values };
    }
    current = img;
  };
}

/**
 * Stops `img`'s load if it is still loading, by taking its `srcset` and `src` away (the browser
 * cancels a load nobody waits for); returns what it took, undefined when it had loaded.
 */
export function stopLoading(img: HTMLImageElement): Array<string | null> | undefined {
  if (img.complete) return undefined;
  const values = SOURCES.map((name) => img.getAttribute(name));
  SOURCES.forEach((name) => img.removeAttribute(name));
  return values;
}
