import { useEffect, useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { applyEditor, cancelEditor, resetDraft, showEditorImage } from '../../store/editorSession.ts';
import { CropArea } from './CropArea.tsx';
import { EditorMessagesContext } from './EditorField.tsx';
import { EditorPreview } from './EditorPreview.tsx';
import { EditorUrl } from './EditorUrl.tsx';
import { clientMessages, serverMessages, type ControlMessages } from './editorProblems.ts';
import { EffectControls } from './EffectControls.tsx';
import { injectEditorStyles } from './injectEditorStyles.ts';
import { ModifierControls } from './ModifierControls.tsx';
import { standInModifiers } from './previewStandIn.ts';
import { SmartCropPicker } from './SmartCropPicker.tsx';
import { useEditorDraft } from './useEditorDraft.ts';
import { useImagePresets } from './useImagePresets.ts';
import { usePreviewImage } from './usePreviewImage.ts';
import { useSmartCrops } from './useSmartCrops.ts';
import { addEnglish, CloseIcon, imageUrlFor, requiresAuthorization, useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import { messagesEnImageEditor } from '../../i18n/messages.en.imageEditor.ts';

// The editor's English messages come with it (other languages' catalogs have them already).
addEnglish(messagesEnImageEditor);

/**
 * The modifier and smart-crop editor: a region named "Edit image" that takes the place of the
 * results and details while open. It walks through the selected images (Previous / Next), each
 * with its own draft; Apply commits them all, Close or Esc discards them.
 */
export function ImageEditor() {
  const t = useTranslator();
  const store = useSelectorStore();
  const headingId = useId();
  const editor = useEditorDraft();
  const index = useSelector((s) => s.editor?.index ?? 0);
  const count = useSelector((s) => s.editor?.ids.length ?? 0);
  const region = useRef<HTMLElement>(null);

  // Rules the client knows are checked first: a URL that breaks one is never requested. Some need
  // the presets or the smart crops (the sizes dpr scales): such a draft waits until they are here.
  const presets = useImagePresets();
  const smartCrops = useSmartCrops(editor?.asset.assetId);
  const modifiers = editor?.draft.modifiers;
  const local = useMemo(
    () => clientMessages(modifiers ?? {}, { presets: presets.data?.items, smartCrops: smartCrops.data?.items }),
    [modifiers, presets.data, smartCrops.data],
  );
  const factsPending = Boolean(modifiers?.dpr && ((modifiers.preset && presets.isPending) || (modifiers.smartcrop && smartCrops.isPending)));
  const valid = Object.keys(local).length === 0 && !factsPending;
  const repository = useSelector((s) => s.options.repository);
  const standIn = editor ? imageUrlFor(editor.asset, { repository, format: editor.format }, standInModifiers(editor.draft.modifiers)) : undefined;
  const restricted = editor ? requiresAuthorization(editor.asset) : false;
  const preview = usePreviewImage(editor && valid ? editor.url : undefined, valid ? standIn : undefined, restricted);
  const messages: ControlMessages = useMemo(
    () => (Object.keys(local).length > 0 ? local : preview.problem ? serverMessages(preview.problem, t.t('previewFailed')) : {}),
    [local, preview.problem, t],
  );

  // Styled before its first paint: the editor's sheet comes with its chunk.
  useLayoutEffect(() => {
    if (region.current) injectEditorStyles(region.current.getRootNode() as Document | ShadowRoot);
  }, []);

  // Closing returns focus to what opened the editor, or, when that is gone (the details panel's
  // Edit), to the grid's active cell, so keyboard users are not dropped at the top of the page.
  useEffect(() => {
    // Read in the root the selector renders in (a shadow root keeps its focused element to itself).
    const active = (region.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
    const opener = active instanceof HTMLElement && active !== active.ownerDocument.body ? active : undefined;
    return () => {
      if (opener?.isConnected) opener.focus();
      else store.getState().requestFocus('grid');
    };
  }, [store]);

  useEffect(() => {
    region.current?.focus();
  }, [editor?.asset.assetId]);

  if (!editor) return null;
  const close = () => cancelEditor(store);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Esc leaves the editor, not the (modal) selector around it.
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  return (
    <section ref={region} className="as-editor" aria-label={t.t('editor')} aria-describedby={headingId} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="as-editor-head">
        <h2 id={headingId} className="as-editor-title">
          {editor.asset.title}
          {count > 1 && <span className="as-editor-position">{t.t('editorPosition', { n: index + 1, count })}</span>}
        </h2>
        {count > 1 && (
          <div className="as-segmented">
            <button type="button" className="as-button as-button-small" disabled={index === 0} onClick={() => showEditorImage(store, index - 1)}>
              {t.t('editorPrevious')}
            </button>
            <button type="button" className="as-button as-button-small" disabled={index >= count - 1} onClick={() => showEditorImage(store, index + 1)}>
              {t.t('editorNext')}
            </button>
          </div>
        )}
        <button type="button" className="as-button as-button-icon as-button-quiet" aria-label={t.t('editorClose')} title={t.t('editorClose')} onClick={close}>
          <CloseIcon />
        </button>
      </header>
      <EditorMessagesContext.Provider value={messages}>
        <div className="as-editor-body" key={editor.asset.assetId}>
          <div className="as-editor-stage">
            <CropArea editor={editor} />
            <SmartCropPicker editor={editor} />
          </div>
          <div className="as-editor-output">
            <EditorPreview preview={preview} message={messages.general} />
            <EditorUrl url={editor.url} />
          </div>
          <div className="as-editor-controls">
            <ModifierControls editor={editor} />
            <EffectControls editor={editor} />
          </div>
        </div>
      </EditorMessagesContext.Provider>
      <footer className="as-editor-foot">
        <button type="button" className="as-button" onClick={() => resetDraft(store, editor.asset.assetId)}>
          {t.t('reset')}
        </button>
        <button type="button" className="as-button as-button-primary" onClick={() => applyEditor(store)}>
          {t.t('apply')}
        </button>
      </footer>
    </section>
  );
}
