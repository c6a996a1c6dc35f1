import { useQuery, useRepositoryClient } from '../editorHost.ts';

/** The repository's image presets (`GET /adobe/assets/imagePresets`): the Preset control and the dpr rule read them. */
export function useImagePresets() {
  const { client, key } = useRepositoryClient();
  return useQuery({
    key: ['imagePresets', key],
    fetch: (signal) => client.imagePresets({ signal }),
    staleTime: 10 * 60_000,
  });
}
