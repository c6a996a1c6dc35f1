import { useId } from 'react';
import { ADVANCED_FIELDS, type AdvancedOperator, type AdvancedRow } from '../core/advancedQuery.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { fieldTypeOf, operatorsFor } from '../core/advancedQueryEdits.ts';
import { CloseIcon, useTranslator } from './editorHost.ts';

export interface AdvancedQueryRowProps {
  row: AdvancedRow;
  /** 1-based, for the condition's name. */
  position: number;
  onChange(patch: Partial<Omit<AdvancedRow, 'kind' | 'id'>>): void;
  onRemove(): void;
}

/** One condition: field, operator and value(s), each a labelled native control. */
export function AdvancedQueryRow({ row, position, onChange, onRemove }: AdvancedQueryRowProps) {
  const t = useTranslator();
  const id = useId();
  const type = fieldTypeOf(row.field);
  const inputType = type === 'number' ? 'number' : type === 'date' ? 'date' : 'text';
  return (
    <div className="as-adv-row" role="group" aria-label={t.t('condition', { n: position })}>
      <label className="as-visually-hidden" htmlFor={`${id}-field`}>
        {t.t('advancedField')}
      </label>
      <select id={`${id}-field`} className="as-select" value={row.field} onChange={(e) => onChange({ field: e.target.value })}>
        {ADVANCED_FIELDS.map((field) => (
          <option key={field.path} value={field.path}>
            {t.t(`advField.${field.id}` as MessageKey)}
          </option>
        ))}
      </select>
      <label className="as-visually-hidden" htmlFor={`${id}-op`}>
        {t.t('advancedOperator')}
      </label>
      <select id={`${id}-op`} className="as-select" value={row.operator} onChange={(e) => onChange({ operator: e.target.value as AdvancedOperator })}>
        {operatorsFor(type).map((op) => (
          <option key={op} value={op}>
            {t.t(`op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      {row.operator !== 'exists' && (
        <>
          <label className="as-visually-hidden" htmlFor={`${id}-value`}>
            {t.t('advancedValue')}
          </label>
          <input id={`${id}-value`} className="as-input" type={inputType} value={row.value} onChange={(e) => onChange({ value: e.target.value })} />
        </>
      )}
      {row.operator === 'between' && (
        <>
          <label className="as-visually-hidden" htmlFor={`${id}-to`}>
            {t.t('advancedValueTo')}
          </label>
          <input id={`${id}-to`} className="as-input" type={inputType} value={row.valueTo} onChange={(e) => onChange({ valueTo: e.target.value })} />
        </>
      )}
      <button type="button" className="as-button as-button-icon as-button-quiet" aria-label={t.t('removeCondition')} title={t.t('removeCondition')} onClick={onRemove}>
        <CloseIcon />
      </button>
    </div>
  );
}
