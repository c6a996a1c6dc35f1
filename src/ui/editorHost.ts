/**
 * What the lazy parts (the image editor, the advanced query editor) use of the rest of the
 * selector: their one way in (build/checkLayers.ts fails on any other). In the ESM build this is
 * an ordinary module. In the script-tag build the editors are a second script, and the main script
 * hands them this module's exports, with its Preact (src/scriptTag/lazyParts.ts): one store, one
 * translator, one error class on the page, whichever script created them.
 */
export { useSelector, useSelectorStore } from './useSelectorStore.ts';
export { useTranslator } from './useTranslator.ts';
// Each editor adds its English messages to the one English catalog as it loads.
export { addEnglish } from '../i18n/catalogs.ts';
export { useRepositoryClient } from './useRepositoryClient.ts';
export { useQuery, QueryCacheContext } from './query/useQuery.ts';
export { useDeliveredImage } from './useDeliveredImage.ts';
export { ErrorState } from './ErrorState.tsx';
export { CloseIcon } from './icons.tsx';
export { dimensionsLabel, formatLabel } from './assetLabels.ts';
// The details of the focused asset (a part) show its thumbnail, its Edit button and, for a video, the player (a part of its own).
export { AssetThumbnail } from './AssetThumbnail.tsx';
// Its placeholder lines while the asset's metadata is on its way.
export { SkeletonLines } from './Skeletons.tsx';
export { EditButton } from './editor/EditButton.tsx';
export { LazyPart } from './LazyPart.tsx';
export { loadVideoPlayer } from './lazyParts.ts';
export { injectPartStyles } from './injectPartStyles.ts';
// The list keys the folder view shares with the roving tab stops.
export { moveInList, readingArrows } from './useRovingTabStop.ts';
// The core functions the selector has anyway: a second copy in the editors' script would only add bytes.
export { imageUrlFor } from '../core/imageUrlFor.ts';
export { requiresAuthorization } from '../core/requiresAuthorization.ts';
export { IMAGE_FORMATS } from '../core/imageFormats.ts';
export { createTaskLimit } from '../core/taskLimit.ts';
// The video player's poster and fallback source, as the selector's thumbnails build them.
export { hlsManifestUrl, originalUrl } from '../core/deliveryUrl.ts';
export { thumbnailModifiers, thumbnailWidth } from '../core/srcset.ts';
// The advanced query editor hands the store its translation into clauses as it loads, built on the selector's query builders.
export { setAdvancedClauses } from '../store/advancedClauses.ts';
export { CLAUSE_BUILDERS } from '../core/clauseBuilders.ts';
// A class: the repository client's errors are the selector's SelectorError, which `instanceof` must recognize.
export { SelectorError } from '../core/selectorError.ts';
// What the repository parts' clients use of the selector's own client (vite.config.ts, PARTS_RUNTIME).
export { retryAfterMs, sleep } from '../core/retryTiming.ts';
export { problemDetails, ShapeError } from '../core/responseShapes.ts';
// The author tier's root folder (everything), one constant for the store's scope and the folder view.
export { FOLDER_ROOT } from '../core/folderScope.ts';
