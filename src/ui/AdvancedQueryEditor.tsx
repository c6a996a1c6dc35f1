import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { advancedQueryTranslator, emptyAdvancedQuery, type AdvancedQuery } from '../core/advancedQuery.ts';
import { advancedEdits } from '../core/advancedQueryEdits.ts';
import { AdvancedQueryRow } from './AdvancedQueryRow.tsx';
import { injectAdvancedQueryStyles } from './injectAdvancedQueryStyles.ts';
import { addEnglish, CLAUSE_BUILDERS, setAdvancedClauses, useSelector, useSelectorStore, useTranslator } from './editorHost.ts';
import { messagesEnAdvancedQuery } from '../i18n/messages.en.advancedQuery.ts';

// The editor's English messages come with it (other languages' catalogs have them already), and
// so does the translation of its query into the search's clauses (over the selector's own builders).
addEnglish(messagesEnAdvancedQuery);
setAdvancedClauses(advancedQueryTranslator(CLAUSE_BUILDERS));

/**
 * Rows of field / operator / value joined by AND or OR, with one level of groups. The query lives
 * in the store (it survives closing the selector); the editor shows the exact request body it
 * makes, and Run applies it (while applied, edits re-run the search as they settle).
 */
export function AdvancedQueryEditor({ id }: { id: string }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const advanced = useSelector((s) => s.advanced);
  // What Run sends, derived by the store from the state as edited.
  const request = useSelector((s) => s.advancedRequest);
  const headingId = useId();
  const bodyId = useId();
  const body = useMemo(() => JSON.stringify(request, null, 2), [request]);
  const update = (next: AdvancedQuery) => store.getState().setAdvanced(next);
  const section = useRef<HTMLElement>(null);
  let position = 0;

  // Styled before its first paint: its sheet comes with its chunk.
  useLayoutEffect(() => {
    if (section.current) injectAdvancedQueryStyles(section.current.getRootNode() as Document | ShadowRoot);
  }, []);

  return (
    <section ref={section} id={id} className="as-advanced" aria-labelledby={headingId}>
      <div className="as-panel-head">
        <h2 id={headingId} className="as-panel-heading">
          {t.t('advanced')}
        </h2>
        <JoinSelect label={t.t('joinLabel')} value={advanced.join} onChange={(join) => update(advancedEdits.setJoin(advanced, join))} />
      </div>
      <div className="as-advanced-main">
        <div className="as-advanced-rows">
          {advanced.items.length === 0 && <p className="as-advanced-empty">{t.t('advancedEmpty')}</p>}
          {advanced.items.map((item, index) =>
            item.kind === 'row' ? (
              <AdvancedQueryRow
                key={item.id}
                row={item}
                position={++position}
                onChange={(patch) => update(advancedEdits.updateRow(advanced, item.id, patch))}
                onRemove={() => update(advancedEdits.remove(advanced, item.id))}
              />
            ) : (
              <fieldset key={item.id} className="as-adv-group">
                <legend className="as-filter-legend">{t.t('group', { n: index + 1 })}</legend>
                <JoinSelect
                  label={t.t('groupJoinLabel', { n: index + 1 })}
                  value={item.join}
                  onChange={(join) => update(advancedEdits.setJoin(advanced, join, item.id))}
                />
                {item.rows.map((row) => (
                  <AdvancedQueryRow
                    key={row.id}
                    row={row}
                    position={++position}
                    onChange={(patch) => update(advancedEdits.updateRow(advanced, row.id, patch))}
                    onRemove={() => update(advancedEdits.remove(advanced, row.id))}
                  />
                ))}
                <div className="as-adv-actions">
                  <button type="button" className="as-button as-button-quiet as-button-small" onClick={() => update(advancedEdits.addRow(advanced, item.id))}>
                    {t.t('addCondition')}
                  </button>
                  <button type="button" className="as-button as-button-quiet as-button-small" onClick={() => update(advancedEdits.remove(advanced, item.id))}>
                    {t.t('removeGroup')}
                  </button>
                </div>
              </fieldset>
            ),
          )}
          <div className="as-adv-actions">
            <button type="button" className="as-button as-button-small" onClick={() => update(advancedEdits.addRow(advanced))}>
              {t.t('addCondition')}
            </button>
            <button type="button" className="as-button as-button-small" onClick={() => update(advancedEdits.addGroup(advanced))}>
              {t.t('addGroup')}
            </button>
            <span className="as-spacer" />
            <button type="button" className="as-button as-button-small" disabled={advanced.items.length === 0 && !advanced.active} onClick={() => update(emptyAdvancedQuery())}>
              {t.t('clearQuery')}
            </button>
            <button
              type="button"
              className="as-button as-button-primary as-button-small"
              disabled={advanced.items.length === 0}
              onClick={() => update({ ...advanced, active: true })}
            >
              {t.t('runQuery')}
            </button>
          </div>
        </div>
        <figure className="as-advanced-body" aria-labelledby={bodyId}>
          <figcaption id={bodyId} className="as-label">
            {t.t('requestBody')}
          </figcaption>
          <pre className="as-code" tabIndex={0}>
            {body}
          </pre>
        </figure>
      </div>
    </section>
  );
}

function JoinSelect({ label, value, onChange }: { label: string; value: 'and' | 'or'; onChange(join: 'and' | 'or'): void }) {
  const t = useTranslator();
  const id = useId();
  return (
    <div className="as-field as-field-inline">
      <label htmlFor={id} className="as-label">
        {label}
      </label>
      <select id={id} className="as-select" value={value} onChange={(e) => onChange(e.target.value === 'or' ? 'or' : 'and')}>
        <option value="and">{t.t('join.and')}</option>
        <option value="or">{t.t('join.or')}</option>
      </select>
    </div>
  );
}
