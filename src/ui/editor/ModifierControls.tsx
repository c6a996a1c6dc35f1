import type { ChangeEvent } from 'react';
import { MAX_DIMENSION } from '../../core/modifierRules.ts';
import type { ImageFormat } from '../../core/imageFormats.ts';
import type { MessageKey } from '../../i18n/messages.en.ts';
import { EditorField } from './EditorField.tsx';
import { useImagePresets } from './useImagePresets.ts';
import type { EditorDraftHandle } from './useEditorDraft.ts';
import { IMAGE_FORMATS, useTranslator } from '../editorHost.ts';

const DPRS = ['1', '1.5', '2', '3'];
const FITS = ['contain', 'constrain', 'crop'] as const;
const ROTATIONS = ['90', '180', '270'];
const FLIPS = ['h', 'v', 'hv'] as const;
/** What the quality slider shows while `quality` is not set: the repository's default. */
const DEFAULT_QUALITY = 85;

/** Size, format, quality, orientation and preset: the controls that shape the output. */
export function ModifierControls({ editor }: { editor: EditorDraftHandle }) {
  const t = useTranslator();
  const presets = useImagePresets();
  const m = editor.draft.modifiers;
  const value = (name: string) => m[name] ?? '';
  const set = (name: string) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => editor.update({ [name]: event.target.value });
  // fit only means something with both sizes; without them it would be refused, so it goes too.
  const setSize = (name: 'width' | 'height') => (event: ChangeEvent<HTMLInputElement>) =>
    editor.update({ [name]: event.target.value, ...(event.target.value === '' ? { fit: undefined } : {}) });
  const hasBothSizes = Boolean(m.width && m.height);

  return (
    <>
      <fieldset className="as-editor-group">
        <legend className="as-editor-legend">{t.t('editorSize')}</legend>
        <div className="as-editor-row">
          <EditorField control="width" label={t.t('mod.width')}>
            {(p) => <input {...p} className="as-input" type="number" inputMode="numeric" min={1} max={MAX_DIMENSION} step={1} value={value('width')} onChange={setSize('width')} />}
          </EditorField>
          <EditorField control="height" label={t.t('mod.height')}>
            {(p) => <input {...p} className="as-input" type="number" inputMode="numeric" min={1} max={MAX_DIMENSION} step={1} value={value('height')} onChange={setSize('height')} />}
          </EditorField>
        </div>
        <div className="as-editor-row">
          <EditorField control="dpr" label={t.t('mod.dpr')}>
            {(p) => (
              <select {...p} className="as-select" value={value('dpr') || '1'} onChange={(e) => editor.update({ dpr: e.target.value === '1' ? undefined : e.target.value })}>
                {DPRS.map((d) => (
                  <option key={d} value={d}>{`${d}×`}</option>
                ))}
                {/* A density set elsewhere (a draft, a URL) is shown as it is, so its message has a value to stand beside. */}
                {m.dpr && !DPRS.includes(m.dpr) && <option value={m.dpr}>{`${m.dpr}×`}</option>}
              </select>
            )}
          </EditorField>
          <EditorField control="fit" label={t.t('mod.fit')}>
            {(p) => (
              <select {...p} className="as-select" value={value('fit')} disabled={!hasBothSizes} onChange={set('fit')}>
                <option value="">{t.t('mod.default')}</option>
                {FITS.map((f) => (
                  <option key={f} value={f}>{t.t(`fit.${f}` as MessageKey)}</option>
                ))}
              </select>
            )}
          </EditorField>
        </div>
        <div className="as-editor-row">
          <EditorField control="format" label={t.t('mod.format')}>
            {(p) => (
              <select {...p} className="as-select" value={editor.format} onChange={(e) => editor.setFormat(e.target.value as ImageFormat)}>
                {IMAGE_FORMATS.map((f) => (
                  <option key={f} value={f}>{f.toUpperCase()}</option>
                ))}
              </select>
            )}
          </EditorField>
          <EditorField control="auto-format" label={t.t('mod.autoFormat')}>
            {(p) => (
              <input {...p} type="checkbox" className="as-editor-check" checked={m['auto-format'] !== 'false'} onChange={(e) => editor.update({ 'auto-format': e.target.checked ? undefined : 'false' })} />
            )}
          </EditorField>
        </div>
        <EditorField
          control="quality"
          label={t.t('mod.quality')}
          after={
            <input
              className="as-input as-editor-number"
              type="number"
              min={1}
              max={100}
              aria-label={t.t('mod.qualityValue')}
              value={value('quality')}
              placeholder={String(DEFAULT_QUALITY)}
              onChange={set('quality')}
            />
          }
        >
          {(p) => <input {...p} className="as-editor-range" type="range" min={1} max={100} value={value('quality') || DEFAULT_QUALITY} onChange={set('quality')} />}
        </EditorField>
        <EditorField control="max-quality" label={t.t('mod.maxQuality')}>
          {(p) => <input {...p} className="as-input" type="number" min={1} max={100} value={value('max-quality')} onChange={set('max-quality')} />}
        </EditorField>
      </fieldset>

      <fieldset className="as-editor-group">
        <legend className="as-editor-legend">{t.t('editorOrientation')}</legend>
        <div className="as-editor-row">
          <EditorField control="rotate" label={t.t('mod.rotate')}>
            {(p) => (
              <select {...p} className="as-select" value={value('rotate')} onChange={set('rotate')}>
                <option value="">{t.t('mod.none')}</option>
                {ROTATIONS.map((r) => (
                  <option key={r} value={r}>{t.t('rotate.deg', { deg: r })}</option>
                ))}
              </select>
            )}
          </EditorField>
          <EditorField control="flip" label={t.t('mod.flip')}>
            {(p) => (
              <select {...p} className="as-select" value={value('flip')} onChange={set('flip')}>
                <option value="">{t.t('mod.none')}</option>
                {FLIPS.map((f) => (
                  <option key={f} value={f}>{t.t(`flip.${f}` as MessageKey)}</option>
                ))}
              </select>
            )}
          </EditorField>
        </div>
        <EditorField control="preset" label={t.t('mod.preset')}>
          {(p) => (
            <select {...p} className="as-select" value={value('preset')} onChange={set('preset')} aria-busy={presets.isPending || undefined}>
              <option value="">{t.t('mod.none')}</option>
              {presets.data?.items.map((preset) => (
                <option key={preset.name} value={preset.name}>
                  {preset.description ? `${preset.name} (${preset.description})` : preset.name}
                </option>
              ))}
              {/* A preset set before the list arrived (or no longer listed) stays choosable. */}
              {m.preset && !presets.data?.items.some((x) => x.name === m.preset) && <option value={m.preset}>{m.preset}</option>}
            </select>
          )}
        </EditorField>
      </fieldset>
    </>
  );
}
