import { useQuery } from '@tanstack/react-query';
import { useRepositoryClient } from '../useRepositoryClient.ts';

/** The smart-crop profiles of one asset (`GET /adobe/assets/{id}/smartCrops`). */
export function useSmartCrops(assetId: string) {
  const { client, key } = useRepositoryClient();
  return useQuery({
    queryKey: ['asset-selector', 'smartCrops', key, assetId],
    queryFn: ({ signal }) => client.smartCrops(assetId, { signal }),
    staleTime: 10 * 60_000,
  });
}
