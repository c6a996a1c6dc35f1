import { useId } from 'react';
import { SORT_FIELDS, type SortDirection, type SortField } from '../core/sortOrder.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

/** Every sort the menu offers: relevance, then each field both ways (its natural direction first). */
type SortChoice = { field: SortField; direction: SortDirection };
const CHOICES: SortChoice[] = SORT_FIELDS.flatMap((field): SortChoice[] =>
  field === 'relevance'
    ? [{ field, direction: 'desc' }]
    : field === 'name'
      ? [{ field, direction: 'asc' }, { field, direction: 'desc' }]
      : [{ field, direction: 'desc' }, { field, direction: 'asc' }],
);

const valueOf = (field: SortField, direction: SortDirection) => (field === 'relevance' ? 'relevance' : `${field}.${direction}`);

/** One native select for field and direction: keyboard and screen readers get it for free. */
export function SortControl() {
  const store = useSelectorStore();
  const t = useTranslator();
  const field = useSelector((s) => s.sort.field);
  const direction = useSelector((s) => s.sort.direction);
  const id = useId();
  return (
    <div className="as-field as-sort">
      <label htmlFor={id} className="as-label">
        {t.t('sortBy')}
      </label>
      <select
        id={id}
        className="as-select"
        value={valueOf(field, direction)}
        onChange={(event) => {
          const choice = CHOICES.find((c) => valueOf(c.field, c.direction) === event.target.value);
          if (choice) store.getState().setSort(choice.field, choice.direction);
        }}
      >
        {CHOICES.map((c) => (
          <option key={valueOf(c.field, c.direction)} value={valueOf(c.field, c.direction)}>
            {t.t(`sort.${valueOf(c.field, c.direction)}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
