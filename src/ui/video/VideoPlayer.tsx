import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AssetSummary } from '../../core/types.ts';
import { videoPlayback } from '../../core/videoPlayback.ts';
import { messagesEnVideo } from '../../i18n/messages.en.video.ts';
import {
  addEnglish,
  ErrorState,
  hlsManifestUrl,
  imageUrlFor,
  injectPartStyles,
  originalUrl,
  requiresAuthorization,
  SelectorError,
  thumbnailModifiers,
  thumbnailWidth,
  useDeliveredImage,
  useSelector,
  useTranslator,
} from '../editorHost.ts';
import { loadHls } from './loadHls.ts';
import css from './video.css?inline';

addEnglish(messagesEnVideo);

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * The focused video, playing in the details panel: a native `<video>` with its controls, named by
 * the asset's title, the poster as its picture. Where the browser plays HLS itself (Safari, recent
 * Chromium) it gets the manifest; elsewhere hls.js plays it, loaded only now; without Media Source
 * Extensions, the progressive original. A restricted video is played by hls.js with the token in
 * each request's `Authorization` header (only to the repository): never in a URL.
 */
export function VideoPlayer({ asset }: { asset: AssetSummary }) {
  const t = useTranslator();
  const repository = useSelector((s) => s.options.repository);
  const format = useSelector((s) => s.options.imageFormat);
  const token = useSelector((s) => s.options.token);
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const restricted = requiresAuthorization(asset);
  const width = thumbnailWidth(248, globalThis.devicePixelRatio);
  const poster = useDeliveredImage(asset, imageUrlFor(asset, { repository, format }, thumbnailModifiers(width)));

  useLayoutEffect(() => {
    if (!video.current) return;
    injectPartStyles(video.current.getRootNode() as Document | ShadowRoot, 'video', css);
    // The Play button that opened the player is gone: its controls take the focus.
    video.current.focus();
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let destroy = () => {};
    const fail = (message: string, cause?: unknown) => {
      if (!stopped) setError(new SelectorError('unavailable', `video ${asset.assetId}: ${message}`, { cause }));
    };
    const play = () => void element.play().catch(() => {});
    const way = videoPlayback({ nativeHls: element.canPlayType(HLS_TYPE) !== '', mse: typeof MediaSource !== 'undefined' }, restricted);
    const manifest = hlsManifestUrl(repository, asset.assetId);
    if (way === 'native' || way === 'original') {
      element.src = way === 'native' ? manifest : originalUrl(repository, asset.assetId, asset.name);
      play();
    } else if (way === 'none') fail('this browser cannot play a restricted video');
    else {
      void (async () => {
        try {
          const [Hls, bearer] = await Promise.all([loadHls(), restricted ? (typeof token === 'function' ? token() : token) : undefined]);
          if (stopped) return;
          const origin = new URL(repository).origin;
          const hls = new Hls({
            // No worker from a blob: URL, which a strict Content-Security-Policy refuses.
            enableWorker: false,
            xhrSetup: (xhr, url) => {
              if (bearer && new URL(url, repository).origin === origin) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
            },
          });
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) fail(`the stream failed (${data.details})`);
          });
          hls.loadSource(manifest);
          hls.attachMedia(element);
          destroy = () => hls.destroy();
          play();
        } catch (cause) {
          fail('the player could not start', cause);
        }
      })();
    }
    const onError = () => fail(`the browser could not play it (${element.error?.message || element.error?.code || 'no detail'})`);
    element.addEventListener('error', onError);
    return () => {
      stopped = true;
      element.removeEventListener('error', onError);
      destroy();
      element.removeAttribute('src');
      element.load();
    };
  }, [repository, asset.assetId, asset.name, restricted, token, attempt]);

  return (
    <div className="as-video">
      <video ref={video} className="as-video-player" controls playsInline tabIndex={-1} preload="metadata" poster={poster.props.src} aria-label={asset.title} />
      {error !== undefined && (
        <ErrorState
          error={error}
          title={t.t('videoFailed')}
          inline
          onRetry={() => {
            setError(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
