import { useQuery, useRepositoryClient } from '../editorHost.ts';

/** The smart-crop profiles of one asset (`GET /adobe/assets/{id}/smartCrops`); none asked for without an id. */
export function useSmartCrops(assetId: string | undefined) {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['smartCrops', key, assetId],
    fetch: (signal) => client.smartCrops(assetId!, { signal }),
    enabled: assetId !== undefined,
    staleTime: 10 * 60_000,
  });
}
