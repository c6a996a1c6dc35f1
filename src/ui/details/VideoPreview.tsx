import { useState } from 'react';
import type { AssetSummary } from '../../core/types.ts';
import { AssetThumbnail, LazyPart, loadVideoPlayer, useTranslator } from '../editorHost.ts';

/**
 * A video in the details panel (with ui/details/AssetDetails.tsx): its poster as a button named "Play {title}"; pressing it loads
 * the player (a part loaded on first use, ui/video/VideoPlayer.tsx) in its place.
 */
export function VideoPreview({ asset }: { asset: AssetSummary }) {
  const t = useTranslator();
  const [playing, setPlaying] = useState(false);
  if (playing) return <LazyPart load={loadVideoPlayer} props={{ asset }} className="as-video" failedTitle={t.t('videoLoadFailed')} />;
  return (
    <button type="button" className="as-video-poster" aria-label={t.t('playVideo', { title: asset.title })} onClick={() => setPlaying(true)}>
      <AssetThumbnail asset={asset} cssWidth={248} />
    </button>
  );
}
