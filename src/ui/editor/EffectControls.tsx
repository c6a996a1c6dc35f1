import type { ChangeEvent } from 'react';
import { ControlMessage, EditorField, useControlMessage } from './EditorField.tsx';
import type { EditorDraftHandle } from './useEditorDraft.ts';
import { useTranslator } from '../editorHost.ts';

interface UnsharpParts {
  amount: string;
  radius: string;
  threshold: string;
  monochrome: boolean;
}

/** `amount,radius,threshold,monochrome` read into its four fields (missing parts empty). */
function readUnsharpMask(value: string | undefined): UnsharpParts {
  const [amount = '', radius = '', threshold = '', monochrome = 'false'] = (value ?? '').split(',');
  // 0 is the threshold's default, written out only because the value needs all four parts.
  return { amount, radius, threshold: threshold === '0' ? '' : threshold, monochrome: monochrome === 'true' };
}

/** The four fields as one `unsharp-mask` value; undefined when nothing is set. */
function writeUnsharpMask(parts: UnsharpParts): string | undefined {
  if (parts.amount === '' && parts.radius === '' && parts.threshold === '' && !parts.monochrome) return undefined;
  return `${parts.amount},${parts.radius},${parts.threshold === '' ? '0' : parts.threshold},${parts.monochrome}`;
}

/** `#rrggbb` ↔ `rgb,rrggbb`. */
const toColorInput = (value: string | undefined) => (value && /^rgb,[0-9a-f]{6}$/i.test(value) ? `#${value.slice(4)}` : '#ffffff');

/** Blur, sharpen, unsharp mask and background colour. */
export function EffectControls({ editor }: { editor: EditorDraftHandle }) {
  const t = useTranslator();
  const m = editor.draft.modifiers;
  const unsharp = readUnsharpMask(m['unsharp-mask']);
  const unsharpMessage = useControlMessage('unsharp-mask');
  const background = useControlMessage('background-color');
  const setUnsharp = (patch: Partial<UnsharpParts>) => editor.update({ 'unsharp-mask': writeUnsharpMask({ ...unsharp, ...patch }) });
  const part = (name: 'amount' | 'radius' | 'threshold') => (event: ChangeEvent<HTMLInputElement>) => setUnsharp({ [name]: event.target.value });

  return (
    <fieldset className="as-editor-group">
      <legend className="as-editor-legend">{t.t('editorEffects')}</legend>
      <EditorField control="blur" label={t.t('mod.blur')} after={<output className="as-editor-value">{m.blur ?? '0'}</output>}>
        {(p) => (
          <input {...p} className="as-editor-range" type="range" min={0} max={100} value={m.blur ?? '0'} onChange={(e) => editor.update({ blur: e.target.value === '0' ? undefined : e.target.value })} />
        )}
      </EditorField>
      <EditorField control="sharpen" label={t.t('mod.sharpen')}>
        {(p) => <input {...p} type="checkbox" className="as-editor-check" checked={m.sharpen === 'true'} onChange={(e) => editor.update({ sharpen: e.target.checked ? 'true' : undefined })} />}
      </EditorField>

      <fieldset className="as-editor-subgroup" aria-describedby={unsharpMessage.props['aria-describedby']}>
        <legend className="as-label">{t.t('mod.unsharpMask')}</legend>
        <div className="as-editor-row">
          {(['amount', 'radius', 'threshold'] as const).map((name) => (
            <label key={name} className="as-editor-field">
              <span className="as-label">{t.t(`mod.${name}`)}</span>
              <input
                className="as-input"
                type="number"
                min={0}
                max={name === 'amount' ? 500 : name === 'radius' ? 1000 : 255}
                step={name === 'threshold' ? 1 : 'any'}
                value={unsharp[name]}
                placeholder={name === 'threshold' ? '0' : undefined}
                aria-invalid={unsharpMessage.message ? true : undefined}
                onChange={part(name)}
              />
            </label>
          ))}
        </div>
        <label className="as-editor-inline">
          <input type="checkbox" className="as-editor-check" checked={unsharp.monochrome} onChange={(e) => setUnsharp({ monochrome: e.target.checked })} />
          {t.t('mod.monochrome')}
        </label>
        <ControlMessage id={unsharpMessage.messageId} message={unsharpMessage.message} />
      </fieldset>

      <div className="as-editor-field">
        <label className="as-label" htmlFor={background.props.id}>
          {t.t('mod.backgroundColor')}
        </label>
        <div className="as-editor-control">
          <input
            {...background.props}
            className="as-editor-color"
            type="color"
            value={toColorInput(m['background-color'])}
            onChange={(e) => editor.update({ 'background-color': `rgb,${e.target.value.slice(1).toLowerCase()}` })}
          />
          <button
            type="button"
            className="as-button as-button-small"
            aria-pressed={m['background-color'] === undefined}
            onClick={() => editor.update({ 'background-color': undefined })}
          >
            {t.t('mod.none')}
          </button>
        </div>
        <ControlMessage id={background.messageId} message={background.message} />
      </div>
    </fieldset>
  );
}
