/**
 * The details panel's video player in English, loaded with it (src/ui/video/VideoPlayer.tsx adds
 * them to the English catalog as its module runs). Other languages' catalogs carry them whole, in
 * a section at their end; their keys are in src/i18n/messageReference.ts.
 */
export const messagesEnVideo = {
  videoFailed: 'The video could not be played',
} as const;
