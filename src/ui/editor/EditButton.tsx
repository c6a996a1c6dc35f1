import type { AssetSummary } from '../../core/types.ts';
import { useSelectorStore } from '../useSelectorStore.ts';
import { useTranslator } from '../useTranslator.ts';

export interface EditButtonProps {
  asset: AssetSummary;
  /** The id of the element that names the asset (its title): the button's description. */
  describedBy: string;
  small?: boolean;
}

/** "Edit": opens the image editor on this image, selecting it first when it is not chosen yet. */
export function EditButton({ asset, describedBy, small = false }: EditButtonProps) {
  const store = useSelectorStore();
  const t = useTranslator();
  return (
    <button
      type="button"
      className={small ? 'as-button as-button-small' : 'as-button'}
      aria-describedby={describedBy}
      onClick={() => store.getState().openEditor(asset)}
    >
      {t.t('edit')}
    </button>
  );
}
