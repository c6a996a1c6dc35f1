import { normalizeAsset } from '../core/normalizeAsset.ts';
import { useQuery } from './query/useQuery.ts';
import { useRepositoryClient } from './useRepositoryClient.ts';

/** The full metadata of one asset (`GET /adobe/assets/{id}/metadata`), normalized for display. */
export function useAssetMetadata(assetId: string | undefined) {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['metadata', key, assetId],
    fetch: async (signal) => normalizeAsset(await client.metadata(assetId!, { signal })),
    enabled: assetId !== undefined,
    staleTime: 5 * 60_000,
  });
}
