import { useEffect, useState } from 'react';
import { DEFAULT_FILTER_GROUPS } from '../core/filtersToQuery.ts';
import type { FilterGroup } from '../core/options.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { FilterGroupRange } from './FilterGroupRange.tsx';
import { FilterGroupValues } from './FilterGroupValues.tsx';
import { SkeletonLines } from './Skeletons.tsx';
import { useResultsSummary } from './useAssetSearch.ts';
import { useTranslator } from './useTranslator.ts';

/** A default group's label in the selector's language; a host's own groups keep the label they were given. */
function groupLabel(t: Translator, group: FilterGroup, isDefault: boolean): string {
  return isDefault ? t.t(`filterGroup.${group.id}` as MessageKey) : group.label;
}

/**
 * The filter groups (the host's `filters` option, else the defaults): values OR-ed within a group,
 * groups AND-ed (core's filtersToQuery builds the query), and a Clear all that is always there.
 * In the selector's first frame (`firstFrame`) the groups come once the first results are drawn,
 * placeholder lines until then: half the first screen's elements, two date fields among them, that
 * neither the thumbnails' first frame nor the first results' wait for (README, Performance). A
 * panel opened later shows them at once.
 */
export function FilterPanel({ id, firstFrame = false }: { id: string; firstFrame?: boolean }) {
  const [groupsShown, showGroups] = useState(!firstFrame);
  const store = useSelectorStore();
  const t = useTranslator();
  const hostGroups = useSelector((s) => s.options.filters);
  const active = useSelector((s) => Object.keys(s.filters).length > 0);
  const groups = hostGroups ?? DEFAULT_FILTER_GROUPS;
  return (
    <section id={id} className="as-filters" aria-label={t.t('filters')}>
      <div className="as-panel-head">
        <h2 className="as-panel-heading">{t.t('filters')}</h2>
        <button type="button" className="as-button as-button-quiet as-button-small" disabled={!active} onClick={() => store.getState().clearFilters()}>
          {t.t('clearAll')}
        </button>
      </div>
      {groupsShown ? (
        groups.map((group) => {
          const label = groupLabel(t, group, hostGroups === undefined);
          return group.type === 'kind' || group.type === 'values' ? (
            <FilterGroupValues key={group.id} group={group} label={label} />
          ) : (
            <FilterGroupRange key={group.id} group={group} label={label} />
          );
        })
      ) : (
        <PendingGroups show={showGroups} />
      )}
    </section>
  );
}

/** How long the groups wait for an idle moment once the first results are drawn: a busy page shows them all the same. */
const IDLE_TIMEOUT_MS = 200;
/** How long they wait for the first results at most (a repository that does not answer). */
const LATEST_MS = 1000;

/**
 * Placeholder lines where the groups go, until the first search has answered and the browser has
 * drawn that and has a moment (requestIdleCallback; where there is none, Safari and jsdom, a task
 * after the effects), or LATEST_MS after it came, answered or not. It alone follows the search
 * while the groups wait, and goes once they are shown. A wait that outlives it (the panel went, or
 * the search answered first) calls nothing: no late call into a selector long gone.
 */
function PendingGroups({ show }: { show(shown: boolean): void }) {
  const ready = !useResultsSummary().searching;
  useEffect(() => {
    let current = true;
    // Shows the groups (`current` is true whenever it is passed) while this wait is still the current one.
    const now = () => current && show(current);
    if (!ready) setTimeout(now, LATEST_MS);
    else if (typeof requestIdleCallback == 'function') requestIdleCallback(now, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(now);
    return () => void (current = false);
  }, [ready, show]);
  return <SkeletonLines />;
}
