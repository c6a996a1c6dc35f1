import { useEffect, useId, useState } from 'react';
import type { FilterGroup } from '../core/options.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

type RangeGroup = Extract<FilterGroup, { type: 'dateRange' | 'numberRange' }>;

/** Sizes are typed in megabytes and sent in bytes. */
const BYTES_PER_MB = 1_000_000;

/** From–to over a date field (native date inputs) or a number field (sizes in MB, the unit named as the locale writes it). */
export function FilterGroupRange({ group, label }: { group: RangeGroup; label: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const value = useSelector((s) => s.filters[group.id]);
  const range = value && !Array.isArray(value) ? (value as Record<string, string | number | undefined>) : {};
  const set = (key: string, next: string | number | undefined) => {
    store.getState().setFilter(group.id, { ...range, [key]: next } as never);
  };

  if (group.type === 'dateRange') {
    return (
      <fieldset className="as-filter-group">
        <legend className="as-filter-legend">{label}</legend>
        <div className="as-range">
          <LabelledInput label={t.t('rangeFrom')} type="date" value={String(range.from ?? '')} onChange={(v) => set('from', v || undefined)} />
          <LabelledInput label={t.t('rangeTo')} type="date" value={String(range.to ?? '')} onChange={(v) => set('to', v || undefined)} />
        </div>
      </fieldset>
    );
  }
  const scale = group.unit === 'bytes' ? BYTES_PER_MB : 1;
  const unit = group.unit === 'bytes' ? t.unitName('megabyte') : group.unit === 'px' ? t.t('unit.px') : undefined;
  const shown = (n: string | number | undefined) => (typeof n === 'number' ? String(n / scale) : '');
  const parsed = (text: string) => {
    const n = Number(text.replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(n) ? undefined : Math.round(n * scale);
  };
  return (
    <fieldset className="as-filter-group">
      <legend className="as-filter-legend">{label}</legend>
      <div className="as-range">
        <NumberInput label={unit ? t.t('rangeMinUnit', { unit }) : t.t('rangeMin')} value={shown(range.min)} parse={parsed} onChange={(n) => set('min', n)} />
        <NumberInput label={unit ? t.t('rangeMaxUnit', { unit }) : t.t('rangeMax')} value={shown(range.max)} parse={parsed} onChange={(n) => set('max', n)} />
      </div>
    </fieldset>
  );
}

function LabelledInput({ label, type, value, onChange }: { label: string; type: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="as-field">
      <label htmlFor={id} className="as-label">
        {label}
      </label>
      <input id={id} type={type} className="as-input" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/**
 * A number field that keeps what is being typed ("1." on the way to "1.5") while the store holds
 * the parsed number, and follows the store when it changes from elsewhere (Clear all).
 */
function NumberInput({ label, value, parse, onChange }: { label: string; value: string; parse(text: string): number | undefined; onChange(value: number | undefined): void }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    setDraft((current) => (parse(current) === parse(value) ? current : value));
  }, [value, parse]);
  return (
    <div className="as-field">
      <label htmlFor={id} className="as-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="as-input"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(parse(event.target.value));
        }}
      />
    </div>
  );
}
