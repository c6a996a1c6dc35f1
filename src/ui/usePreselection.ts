import { useEffect } from 'react';
import { normalizeAsset } from '../core/normalizeAsset.ts';
import type { AssetSummary } from '../core/types.ts';
import { useRepositoryClient } from './useRepositoryClient.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';

/**
 * The `selected` option: its assets are read by id and become the selection. Keyed by the ids'
 * content, so a host that passes an equal new array on every render does not undo what the
 * person chose since. An id the caller may not see (a 404, as for any hidden asset) is skipped.
 */
export function usePreselection(): void {
  const store = useSelectorStore();
  const { client } = useRepositoryClient();
  const ids = useSelector((s) => s.options.selected?.join('\n') ?? '');
  useEffect(() => {
    if (!ids) return;
    const controller = new AbortController();
    const read = (id: string) => client.metadata(id, { signal: controller.signal }).then(normalizeAsset, () => undefined);
    void Promise.all(ids.split('\n').map(read)).then((assets) => {
      if (!controller.signal.aborted) store.getState().select(assets.filter((a): a is AssetSummary => a !== undefined));
    });
    return () => controller.abort();
  }, [ids, client, store]);
}
