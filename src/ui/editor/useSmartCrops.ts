import { useQuery } from '../query/useQuery.ts';
import { useRepositoryClient } from '../useRepositoryClient.ts';

/** The smart-crop profiles of one asset (`GET /adobe/assets/{id}/smartCrops`). */
export function useSmartCrops(assetId: string) {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['smartCrops', key, assetId],
    fetch: (signal) => client.smartCrops(assetId, { signal }),
    staleTime: 10 * 60_000,
  });
}
