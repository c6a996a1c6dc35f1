import { AssetGrid } from './AssetGrid.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { ResultSkeletons } from './Skeletons.tsx';
import { useAssetSearch } from './useAssetSearch.ts';
import { useTranslator } from './useTranslator.ts';

/** The middle of the selector: skeletons, the error with Retry, the empty state, or the grid. Never blank. */
export function SearchResults() {
  const t = useTranslator();
  const search = useAssetSearch();
  const { query, assets } = search;
  if (query.isError && !query.isFetchNextPageError) {
    return <ErrorState error={query.error} title={t.t('errorTitle')} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <ResultSkeletons />;
  if (assets.length === 0 && !query.isPlaceholderData) return <EmptyState text={search.text} />;
  return (
    <AssetGrid
      assets={assets}
      total={search.total}
      relation={search.relation}
      busy={query.isFetching && !query.isFetchingNextPage}
      hasNextPage={query.hasNextPage}
      isFetchingNextPage={query.isFetchingNextPage}
      fetchNextPage={query.fetchNextPage}
      nextPageError={query.isFetchNextPageError ? query.error : null}
      showsPrevious={query.isPlaceholderData}
    />
  );
}
