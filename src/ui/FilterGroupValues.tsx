import type { FilterGroup } from '../core/options.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { SkeletonLines } from './Skeletons.tsx';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useFacetValues } from './useFacetValues.ts';
import { useRovingTabStop } from './useRovingTabStop.ts';
import { useTranslator } from './useTranslator.ts';

type ValuesGroup = Extract<FilterGroup, { type: 'kind' | 'values' }>;

const KINDS = ['image', 'video', 'document'] as const;
const NO_VALUES: readonly string[] = [];
/** The field whose values are MIME types. */
const FORMAT_FIELD = 'repositoryMetadata.dc:format';

/**
 * Checkboxes over a group's values: the three kinds, the host's static values, or the values of
 * a facet over the group's field, with their counts (see useFacetValues). Values that are chosen
 * stay listed even when the results no longer contain them, so they can be unchecked. The group
 * is one tab stop (arrow keys inside), so the results stay a few Tab presses from the search.
 */
export function FilterGroupValues({ group, label }: { group: ValuesGroup; label: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const chosen = useSelector((s) => {
    const value = s.filters[group.id];
    return Array.isArray(value) ? value : NO_VALUES;
  });
  const facetBacked = group.type === 'values' && !(group.values && group.values.length > 0);
  const facetValues = useFacetValues(group, facetBacked && chosen.length > 0);

  // MIME types read as format names ("JPEG", "MP4 video"); the query keeps the MIME values.
  const nameOf = group.type === 'values' && group.field === FORMAT_FIELD ? (value: string) => t.formatName(value) : (value: string) => value;
  let options: Array<{ value: string; label: string; count?: number }>;
  if (group.type === 'kind') options = KINDS.map((kind) => ({ value: kind, label: t.t(`kind.${kind}` as MessageKey) }));
  else if (group.values && group.values.length > 0) options = group.values.map((v) => ({ value: v.value, label: v.label ?? nameOf(v.value) }));
  else options = (facetValues ?? []).map((f) => ({ value: String(f.value), label: nameOf(String(f.value)), count: f.count }));
  for (const value of chosen) if (!options.some((o) => o.value === value)) options.push({ value, label: nameOf(value), count: 0 });

  // The group is one tab stop: arrow keys move among its checkboxes, Space toggles.
  const roving = useRovingTabStop(options.length, Math.max(0, options.findIndex((o) => chosen.includes(o.value))));

  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    store.getState().setFilter(group.id, next);
  };

  return (
    <fieldset className="as-filter-group">
      <legend className="as-filter-legend">{label}</legend>
      {options.length === 0 ? (
        facetValues ? (
          <p className="as-filter-none">{t.t('noFacetValues')}</p>
        ) : (
          // The first search has not said which values there are yet.
          <SkeletonLines />
        )
      ) : (
        <ul className="as-filter-values" onKeyDown={roving.onKeyDown}>
          {options.map((option, index) => (
            <li key={option.value}>
              <label className="as-check">
                <input {...roving.itemProps(index)} type="checkbox" checked={chosen.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
                <span className="as-check-label">{option.label}</span>
                {option.count !== undefined && <span className="as-count">{t.number(option.count)}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
