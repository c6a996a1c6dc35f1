import { messagesEn, type PluralMessage } from './messages.en.ts';

/**
 * The keys of the English messages that load with their parts (messages.en.imageEditor.ts,
 * messages.en.advancedQuery.ts, messages.en.adobe.ts, messages.en.upload.ts, messages.en.download.ts,
 * messages.en.video.ts, messages.en.folders.ts, messages.en.collections.ts), each followed by its placeholders. The
 * `messages` option is checked when a selector starts, before any part has loaded, and this is
 * all the check needs of them: a few hundred bytes rather than the texts.
 * test/i18n/messageReference.test.ts keeps it equal to those modules.
 */
const LATER_KEYS =
  'editor editorPosition{n}{count} editorPrevious editorNext editorClose apply reset smartCrop smartCropNone smartCropsError crop cropRole cropHint cropAnnounce{x}{y}{w}{h} cropAspect cropFree cropClear ' +
  'mod.width mod.height mod.dpr mod.fit mod.format mod.quality mod.qualityValue mod.maxQuality mod.autoFormat mod.rotate mod.flip mod.blur mod.sharpen mod.unsharpMask mod.amount mod.radius mod.threshold mod.monochrome mod.backgroundColor mod.preset mod.none mod.default ' +
  'fit.contain fit.constrain fit.crop flip.h flip.v flip.hv rotate.deg{deg} editorSize editorOrientation editorEffects preview previewLoading previewFailed deliveryUrl copy copied copyFailed ' +
  'advanced advancedField advancedOperator advancedValue advancedValueTo op.contains op.is op.isNot op.between op.exists joinLabel groupJoinLabel{n} join.and join.or condition{n} addCondition addGroup removeCondition removeGroup group{n} runQuery clearQuery requestBody advancedEmpty ' +
  'advField.title advField.name advField.description advField.creator advField.keywords advField.format advField.path advField.size advField.width advField.height advField.created advField.modified advField.expires ' +
  'compatNotConfigured{global}{configure} compatPropError ' +
  'uploads uploadTo{folder} uploadClearFinished uploadCancel uploadRename uploadReplace uploadStatus.queued uploadStatus.uploading{percent} uploadStatus.processing uploadStatus.approving uploadStatus.approved uploadStatus.waiting uploadStatus.approveFailed uploadStatus.conflict{name} uploadStatus.cancelling uploadStatus.cancelled ' +
  'uploadFailure.too-large uploadFailure.wrong-type uploadFailure.conflict uploadFailure.not-allowed uploadFailure.network uploadFailure.server uploadFailure.rejected uploadAnnounce{name}{status} ' +
  'downloadRegion downloadRequesting downloadPreparing downloadProgress downloadStop downloadReady downloadReadyFiles{count} downloadFile{name}{size} downloadSkipped downloadSkippedItem{title}{detail} downloadDone downloadFailed videoFailed ' +
  'folders foldersPath foldersRoot foldersList{folder} foldersHint foldersEmpty foldersLoading foldersError foldersUnavailable folderSelect{folder} ' +
  'collList collLoading collEmpty collLoadFailed collMore collAllAssets collHeading{title} collOpening collOpenFailed collAdd collRemove collAdded{count} collRemoved{count} collStale collNoWrite collWriteFailed{detail} collNew collTitle collDescription collCreate collCreated{title} collNeedSelection collNeedTitle';

/**
 * What the `messages` option is checked against (src/core/checkMessages.ts): every English key,
 * with its message, or for a key whose part loads later, its placeholders alone (none of those is
 * a plural message).
 */
export const messageReference: Readonly<Record<string, string | PluralMessage>> = {
  ...messagesEn,
  ...Object.fromEntries(LATER_KEYS.split(' ').map((entry) => [entry.replace(/\{.*/, ''), entry.replace(/^[^{]*/, '')])),
};
