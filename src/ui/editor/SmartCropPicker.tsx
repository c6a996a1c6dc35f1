import { useId } from 'react';
import { DeliveredImg } from '../DeliveredImg.tsx';
import { ControlMessage, useControlMessage } from './EditorField.tsx';
import type { EditorDraftHandle } from './useEditorDraft.ts';
import { useSmartCrops } from './useSmartCrops.ts';
import { ErrorState, imageUrlFor, useSelector, useTranslator } from '../editorHost.ts';

/** Width of a profile's thumbnail as delivered. */
const THUMB_WIDTH = 96;

/**
 * "None" and each of the asset's smart-crop profiles, as radios with a small thumbnail of that
 * crop (delivered with `smartcrop=NAME`) and its size. Choosing one drops a hand-drawn crop: the
 * two exclude each other.
 */
export function SmartCropPicker({ editor }: { editor: EditorDraftHandle }) {
  const t = useTranslator();
  const name = useId();
  const labelId = useId();
  const repository = useSelector((s) => s.options.repository);
  const crops = useSmartCrops(editor.asset.assetId);
  const { message, messageId } = useControlMessage('smartcrop');
  const selected = editor.draft.modifiers.smartcrop ?? '';
  const choose = (value: string) => editor.update({ smartcrop: value, ...(value ? { crop: undefined } : {}) });

  return (
    <div className="as-editor-smartcrops">
      <p id={labelId} className="as-editor-legend">
        {t.t('smartCrop')}
      </p>
      <div role="radiogroup" aria-labelledby={labelId} aria-describedby={message ? messageId : undefined} aria-busy={crops.isPending || undefined} className="as-editor-smartcrop-list">
        <label className="as-editor-smartcrop" data-state={selected === '' ? 'checked' : 'unchecked'}>
          <input type="radio" name={name} value="" checked={selected === ''} onChange={() => choose('')} />
          <span className="as-editor-smartcrop-name">{t.t('smartCropNone')}</span>
        </label>
        {crops.data?.items.map((crop, i) => {
          const sizeId = `${name}-size-${i}`;
          return (
            <label key={crop.name} className="as-editor-smartcrop" data-state={selected === crop.name ? 'checked' : 'unchecked'}>
              <input type="radio" name={name} value={crop.name} checked={selected === crop.name} aria-label={crop.name} aria-describedby={sizeId} onChange={() => choose(crop.name)} />
              <DeliveredImg
                asset={editor.asset}
                className="as-editor-smartcrop-thumb"
                alt=""
                loading="lazy"
                decoding="async"
                width={THUMB_WIDTH}
                height={crop.width && crop.height ? Math.round((THUMB_WIDTH * crop.height) / crop.width) : THUMB_WIDTH}
                src={imageUrlFor(editor.asset, { repository, format: editor.format }, { smartcrop: crop.name, width: String(THUMB_WIDTH) })}
              />
              <span className="as-editor-smartcrop-name">{crop.name}</span>
              <span id={sizeId} className="as-editor-smartcrop-size">
                {crop.width && crop.height ? t.t('dimensions', { width: String(crop.width), height: String(crop.height) }) : ''}
              </span>
            </label>
          );
        })}
      </div>
      {crops.isError && <ErrorState error={crops.error} title={t.t('smartCropsError')} onRetry={() => void crops.refetch()} inline />}
      <ControlMessage id={messageId} message={message} />
    </div>
  );
}
