import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

/** Cancel and Select: the store's `cancel()` and `confirm()` (which close a modal and tell the host). */
export function SelectorFooter() {
  const store = useSelectorStore();
  const t = useTranslator();
  const count = useSelector((s) => s.selection.size);
  const multiple = useSelector((s) => s.options.selectionType === 'multiple');
  return (
    <div className="as-footer">
      <button type="button" className="as-button" onClick={() => store.getState().cancel()}>
        {t.t('cancel')}
      </button>
      <button type="button" className="as-button as-button-primary" disabled={count === 0} onClick={() => store.getState().confirm()}>
        {multiple && count > 0 ? t.plural('selectCount', count) : t.t('select')}
      </button>
    </div>
  );
}
