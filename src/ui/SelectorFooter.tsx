import { selectionPayload } from '../store/selectionPayload.ts';
import { useSelector, useSelectorStore } from '../store/useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

/**
 * Select hands the payload to `onSelect`; Cancel calls `onClose`. In modal mode both also close
 * the dialog (inline, the host decides what happens to the region).
 */
export function SelectorFooter() {
  const store = useSelectorStore();
  const t = useTranslator();
  const count = useSelector((s) => s.selection.size);
  const multiple = useSelector((s) => s.options.selectionType === 'multiple');
  const closeIfModal = () => {
    if (store.getState().options.mode === 'modal') store.getState().setOpen(false);
  };
  return (
    <div className="as-footer">
      <button
        type="button"
        className="as-button"
        onClick={() => {
          store.getState().options.onClose?.();
          closeIfModal();
        }}
      >
        {t.t('cancel')}
      </button>
      <button
        type="button"
        className="as-button as-button-primary"
        disabled={count === 0}
        onClick={() => {
          const state = store.getState();
          state.options.onSelect?.(selectionPayload(state));
          closeIfModal();
        }}
      >
        {multiple && count > 0 ? t.plural('selectCount', count) : t.t('select')}
      </button>
    </div>
  );
}
