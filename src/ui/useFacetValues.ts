import { useMemo, useRef } from 'react';
import type { FilterGroup } from '../core/options.ts';
import type { FacetValue } from '../core/types.ts';
import { groupFacetRequestWith } from '../core/searchRequest.ts';
import { advancedClauses } from '../store/advancedClauses.ts';
import { useQuery } from './query/useQuery.ts';
import { useResultsSummary } from './useAssetSearch.ts';
import { useRepositoryClient } from './useRepositoryClient.ts';
import { useSelector } from './useSelectorStore.ts';

const NONE: FacetValue[] = [];

/**
 * The values (with counts) a facet-backed group offers. Values are OR-ed within a group, so once
 * some are chosen the group's own filter must not narrow its list: its facet then comes from the
 * same search without that group (a one-hit request), and the others stay there to be added.
 * Without a choice in the group, the main search's facet is exactly that and is used as is.
 * (A failed facet request keeps the last list; the results' own error is what the user acts on.)
 * Undefined while nothing is known yet: the first search has not answered (after a failed one, none).
 */
export function useFacetValues(group: FilterGroup, active: boolean): FacetValue[] | undefined {
  const inputs = useSelector((s) => s.search.inputs);
  const { client, key } = useRepositoryClient();
  const main = useResultsSummary();
  const request = useMemo(() => (active ? groupFacetRequestWith(inputs, group, advancedClauses) : undefined), [active, group, inputs]);
  const own = useQuery({
    key: ['facet', key, request],
    fetch: (signal) => client.search(request!, { signal }),
    enabled: request !== undefined,
    keepPrevious: true,
  });
  // Until the group's own facet arrives, the list shown last stays in place: the main search's
  // facet, narrowed by the value just checked, would make the other values blink away.
  const shown = useRef<FacetValue[] | undefined>(undefined);
  if (!active) shown.current = main.first ? (main.facets[group.id] ?? NONE) : main.searching ? undefined : NONE;
  else if (own.data) shown.current = own.data.facets?.find((f) => f.id === group.id)?.values ?? NONE;
  return shown.current;
}
