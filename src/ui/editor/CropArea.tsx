import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cropForKey, fitAspect, formatCrop, fullCrop, isFullCrop, moveCrop, parseCrop, resizeCrop, roundCrop, type CropHandle, type CropRect, type ImageSize } from '../../core/cropGeometry.ts';
import { DeliveredImg } from '../DeliveredImg.tsx';
import { ControlMessage, useControlMessage } from './EditorField.tsx';
import type { EditorDraftHandle } from './useEditorDraft.ts';
import { useSmartCrops } from './useSmartCrops.ts';
import { imageUrlFor, useSelector, useTranslator } from '../editorHost.ts';

const HANDLES: readonly CropHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
const RATIOS: ReadonlyArray<[string, number]> = [['1:1', 1], ['4:3', 4 / 3], ['3:2', 3 / 2], ['16:9', 16 / 9], ['9:16', 9 / 16]];
/** Width of the original as shown under the crop rectangle. */
const BACKDROP_WIDTH = 640;

interface Drag {
  handle: CropHandle | 'move';
  pointerX: number;
  pointerY: number;
  start: CropRect;
  dx: number;
  dy: number;
  frame: number;
}

/**
 * The original image with a crop rectangle over it. The body drags to move, eight handles resize,
 * and the rectangle itself takes the keyboard (arrows move, Shift+arrows resize, PageUp/PageDown
 * step by 10%), announcing the result. Pointer moves are coalesced to one update per animation
 * frame. The geometry is src/core/cropGeometry.ts; this only turns events into calls to it.
 */
export function CropArea({ editor }: { editor: EditorDraftHandle }) {
  const t = useTranslator();
  const hintId = useId();
  const imageFormat = useSelector((s) => s.options.imageFormat);
  const repository = useSelector((s) => s.options.repository);
  const smartCrops = useSmartCrops(editor.asset.assetId).data?.items ?? [];
  const { message, messageId } = useControlMessage('crop');
  const [aspectKey, setAspectKey] = useState('free');
  const [announcement, setAnnouncement] = useState('');
  const frameRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | undefined>(undefined);
  useEffect(() => () => cancelAnimationFrame(drag.current?.frame ?? 0), []);

  const { asset } = editor;
  const image: ImageSize = { width: asset.width ?? 1, height: asset.height ?? 1 };
  const ratios: Array<[string, string, number]> = [
    ...RATIOS.map(([label, ratio]): [string, string, number] => [label, label, ratio]),
    ...smartCrops.filter((c) => c.width && c.height).map((c): [string, string, number] => [`smart:${c.name}`, `${c.name} (${t.t('dimensions', { width: String(c.width), height: String(c.height) })})`, c.width! / c.height!]),
  ];
  const aspect = ratios.find(([key]) => key === aspectKey)?.[2];

  const m = editor.draft.modifiers;
  const smartBox = m.smartcrop ? smartCrops.find((c) => c.name === m.smartcrop)?.crop : undefined;
  const rect: CropRect = (m.crop ? parseCrop(m.crop) : undefined) ??
    (smartBox ? { x: smartBox.x * 100, y: smartBox.y * 100, width: smartBox.width * 100, height: smartBox.height * 100 } : fullCrop());
  const state = m.crop ? 'cropped' : smartBox ? 'smart' : 'full';

  // Drawing a crop replaces a smart crop; the whole image needs no crop at all.
  const commit = (next: CropRect) => editor.update({ crop: isFullCrop(next) ? undefined : formatCrop(next), smartcrop: undefined });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = event.key === 'PageUp' ? 'ArrowUp' : event.key === 'PageDown' ? 'ArrowDown' : undefined;
    const next = cropForKey(rect, page ?? event.key, event.shiftKey, image, aspect, page ? 10 : 1);
    if (!next) return;
    event.preventDefault();
    commit(next);
    const r = roundCrop(next);
    setAnnouncement(t.t('cropAnnounce', { x: r.x, y: r.y, w: r.width, h: r.height }));
  };

  const apply = (d: Drag) => {
    d.frame = 0;
    commit(d.handle === 'move' ? moveCrop(d.start, d.dx, d.dy) : resizeCrop(d.start, d.handle, d.dx, d.dy, image, aspect));
  };
  const startDrag = (handle: Drag['handle']) => (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    frameRef.current?.setPointerCapture?.(event.pointerId);
    drag.current = { handle, pointerX: event.clientX, pointerY: event.clientY, start: rect, dx: 0, dy: 0, frame: 0 };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const box = frameRef.current?.getBoundingClientRect();
    if (!d || !box || box.width === 0 || box.height === 0) return;
    d.dx = ((event.clientX - d.pointerX) / box.width) * 100;
    d.dy = ((event.clientY - d.pointerY) / box.height) * 100;
    if (!d.frame) d.frame = requestAnimationFrame(() => apply(d));
  };
  const endDrag = () => {
    const d = drag.current;
    if (!d) return;
    drag.current = undefined;
    if (d.frame) {
      cancelAnimationFrame(d.frame);
      apply(d);
    }
  };

  const chooseAspect = (key: string) => {
    setAspectKey(key);
    const ratio = ratios.find(([k]) => k === key)?.[2];
    if (ratio !== undefined) commit(fitAspect(rect, ratio, image));
  };

  const backdrop = imageUrlFor(asset, { repository, format: imageFormat }, { width: String(Math.min(BACKDROP_WIDTH, asset.width ?? BACKDROP_WIDTH)) });

  return (
    <div className="as-editor-crop">
      <div className="as-editor-crop-head">
        <span className="as-editor-legend">{t.t('crop')}</span>
        <label className="as-field as-field-inline">
          <span className="as-label">{t.t('cropAspect')}</span>
          <select className="as-select" value={aspectKey} onChange={(e) => chooseAspect(e.target.value)}>
            <option value="free">{t.t('cropFree')}</option>
            {ratios.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="as-button as-button-small" disabled={state !== 'cropped'} onClick={() => editor.update({ crop: undefined })}>
          {t.t('cropClear')}
        </button>
      </div>
      <div
        ref={frameRef}
        className="as-editor-crop-frame"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <DeliveredImg asset={asset} className="as-editor-crop-image" src={backdrop} alt="" draggable={false} />
        <div
          className="as-editor-crop-rect"
          data-state={state}
          // A named, focusable group: the rectangle is one control operated by keyboard (arrows).
          role="group"
          tabIndex={0}
          aria-label={t.t('crop')}
          aria-roledescription={t.t('cropRole')}
          aria-describedby={[hintId, message ? messageId : ''].filter(Boolean).join(' ')}
          aria-invalid={message ? true : undefined}
          style={{ left: `${rect.x}%`, top: `${rect.y}%`, width: `${rect.width}%`, height: `${rect.height}%` }}
          onKeyDown={onKeyDown}
          onPointerDown={startDrag('move')}
        >
          {HANDLES.map((handle) => (
            <span key={handle} className="as-editor-crop-handle" data-handle={handle} aria-hidden="true" onPointerDown={startDrag(handle)} />
          ))}
        </div>
      </div>
      <p id={hintId} className="as-visually-hidden">
        {t.t('cropHint')}
      </p>
      <p className="as-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ControlMessage id={messageId} message={message} />
    </div>
  );
}
