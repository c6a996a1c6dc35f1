import { thumbnailSources } from '../core/srcset.ts';
import type { AssetSummary } from '../core/types.ts';
import { formatDuration, videoDuration } from '../core/videoDuration.ts';
import { useDeliveredImage } from './useDeliveredImage.ts';
import { useDelivery } from './useDelivery.ts';
import { KindIcon } from './icons.tsx';

export interface AssetThumbnailProps {
  asset: AssetSummary;
  /** The frame's CSS width: it picks the delivered width and is the `sizes` value. */
  cssWidth: number;
  /**
   * Left to the browser to load when scrolled near (the tray, which may list hundreds). The grid's
   * cards load at once: the row window renders only the rows in view and a few beyond, so it is
   * the lazy loader, and a lazy image there waits a frame for the browser's visibility check.
   */
  lazy?: boolean;
}

/**
 * An image thumbnail from the delivery API (a few shared widths, `srcset` + `sizes`, async
 * decoding) in a frame whose aspect ratio is fixed by CSS, so nothing moves as images arrive. A
 * restricted image is fetched with the token at the one width instead (useDeliveredImage).
 * A video shows its poster the same way, with a marker (and its length when the repository says).
 * Anything else, or a picture that cannot be shown, shows its kind's icon.
 */
export function AssetThumbnail({ asset, cssWidth, lazy = false }: AssetThumbnailProps) {
  const { repository, format } = useDelivery();
  // A video's delivery URL with an image format is its poster: the same path, srcset and lazy loading.
  const sources = thumbnailSources(asset, cssWidth, globalThis.devicePixelRatio, { repository, format });
  const image = useDeliveredImage(asset, sources?.src, sources?.srcSet);
  if (!sources || image.unavailable) {
    return (
      <div className="as-thumb as-thumb-icon" data-kind={asset.kind}>
        <KindIcon kind={asset.kind} />
      </div>
    );
  }
  // Not on the list's and the tray's small squares, where it would hide the picture (their text says "video").
  const marker = asset.kind === 'video' && cssWidth >= 80;
  const img = (
    <img
      // A picture alone is its own frame (styles.css, img.as-thumb): one element less per card.
      className={marker ? 'as-thumb-img' : 'as-thumb as-thumb-img'}
      alt=""
      loading={lazy ? 'lazy' : 'eager'}
      decoding="async"
      draggable={false}
      width={asset.width}
      height={asset.height}
      sizes={sources.sizes}
      {...image.props}
    />
  );
  if (!marker) return img;
  return (
    <div className="as-thumb">
      {img}
      <VideoMarker seconds={videoDuration(asset.assetMetadata)} />
    </div>
  );
}

/** A play mark, and the length when known: seen, not read (the card's name already says "video"). */
function VideoMarker({ seconds }: { seconds: number | undefined }) {
  return (
    <span className="as-video-marker" aria-hidden="true">
      <svg viewBox="0 0 10 10" focusable="false">
        <path d="M2 1l7 4-7 4z" fill="currentColor" />
      </svg>
      {seconds !== undefined && formatDuration(seconds)}
    </span>
  );
}
