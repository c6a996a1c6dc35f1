/** A named smart-crop profile: the aspect ratio and the size a crop is delivered at. */
export interface SmartCropProfile {
  name: string;
  width: number;
  height: number;
}

/** The profiles every image of the emulated repository has (as if an image profile were applied to the folder). */
export const SMART_CROP_PROFILES: readonly SmartCropProfile[] = [
  { name: 'Square', width: 1080, height: 1080 },
  { name: 'Landscape', width: 1920, height: 1080 },
  { name: 'Portrait', width: 1080, height: 1350 },
  { name: 'Banner', width: 2000, height: 500 },
];
