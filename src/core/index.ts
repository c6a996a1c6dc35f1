/**
 * `asset-selector/core`: the framework-free part of the selector, for hosts that build their own
 * UI — the composite-query builder, the repository client, delivery URL building and parsing,
 * modifier rules, and the selection payload. No React, no DOM.
 */
export type * from './types.ts';
export type { FilterGroup, FilterValue, SelectorOptions, TokenSource } from './options.ts';
export { IMAGE_FORMATS } from './imageFormats.ts';
export { validateOptions, type ResolvedOptions } from './validateOptions.ts';
export { SelectorError, type SelectorErrorCode } from './selectorError.ts';

export { and, exists, foldQuery, match, MAX_CLAUSES, normalizeNode, not, or, range, term, type Clause } from './queryBuilder.ts';
export { DEFAULT_FILTER_GROUPS, facetRequestsFor, filtersToQuery, KIND_MIME_TYPES } from './filtersToQuery.ts';
export {
  ADVANCED_FIELDS,
  advancedQueryToNodes,
  emptyAdvancedQuery,
  newAdvancedGroup,
  newAdvancedRow,
  type AdvancedField,
  type AdvancedFieldType,
  type AdvancedGroup,
  type AdvancedOperator,
  type AdvancedQuery,
  type AdvancedRow,
} from './advancedQuery.ts';
export { advancedEdits, fieldTypeOf, operatorsFor } from './advancedQueryEdits.ts';
export { orderByFor, SORT_FIELDS, type SortDirection, type SortField } from './sortOrder.ts';
export { groupFacetRequestFor, PAGE_SIZE, searchRequestFor, type SearchState } from './searchRequestFor.ts';

export { kindOf, normalizeAsset } from './normalizeAsset.ts';
export {
  buildDeliveryUrl,
  DELIVERY_FORMATS,
  encodeModifiers,
  fileSeoName,
  hlsManifestUrl,
  imagePresetsUrl,
  metadataUrl,
  MODIFIER_ORDER,
  originalUrl,
  playerUrl,
  renditionsUrl,
  renditionUrl,
  repositoryBase,
  searchUrlFor,
  seoNameFor,
  smartCropsUrl,
  type DeliveryFormat,
  type DeliveryTarget,
} from './deliveryUrl.ts';
export { parseDeliveryUrl, parseModifiers } from './parseDeliveryUrl.ts';
export { imageTargetFor, imageUrlFor, type ImageDelivery } from './imageUrlFor.ts';
export { LIMITED_AVAILABILITY_MODIFIERS, MAX_DIMENSION, validateModifiers, type ModifierIssue } from './modifierRules.ts';
export * from './cropGeometry.ts';
export { buildSrcset, THUMBNAIL_WIDTHS, thumbnailWidth } from './srcset.ts';
export { SELECTION_SRCSET_WIDTHS, toSelectedAsset, type ToSelectedAssetOptions } from './toSelectedAsset.ts';
export { requiresAuthorization, RESTRICTED_ROLES_FIELD } from './requiresAuthorization.ts';

export {
  createRepositoryClient,
  retryAfterMs,
  type ImageBytes,
  type ImageRequestOptions,
  type RepositoryClient,
  type RepositoryClientOptions,
  type RequestOptions,
  type SendRequest,
} from './repositoryClient.ts';

// Archives of assets (the tray's Download) and video playback, for hosts with their own UI.
export { archiveRequestFor, archivesUrl, archiveStatusUrl, MAX_ARCHIVE_ITEMS, type ArchiveRequestBody } from './archiveRequest.ts';
export { parseArchiveStatus, type ArchiveFile, type ArchiveState, type ArchiveStatus, type ArchiveWarning } from './archiveStatus.ts';
export { buildArchive, type ArchiveConnection, type ArchiveProgress, type BuildArchiveOptions } from './archiveClient.ts';
export { videoPlayback } from './videoPlayback.ts';
export { formatDuration, videoDuration } from './videoDuration.ts';
export { collectionsApi, type CollectionsApi, type CollectionVersion } from './collectionClient.ts';
export { ASSET_ID_FIELD, collectionScope } from './collectionScope.ts';
export type { CollectionPage, CollectionSummary } from './collectionShapes.ts';
