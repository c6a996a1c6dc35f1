// smartcrop 2.0 ships an index.d.ts that only describes the browser use (a CanvasImageSource and
// no `imageOperations`). This ambient declaration takes precedence over it and describes the
// documented-in-source adapter interface the emulator relies on to run smartcrop on sharp pixels.
declare module 'smartcrop' {
  /** Pixels as smartcrop reads them: RGBA, 8 bits per channel, row-major, no padding. */
  export interface ImgData {
    width: number;
    height: number;
    data: Uint8Array | Uint8ClampedArray;
  }

  /** A crop rectangle in the pixels of the image handed to `crop`. */
  export interface Crop {
    x: number;
    y: number;
    width: number;
    height: number;
  }

  export interface CropResult {
    /** `null` when no candidate could be scored (degenerate, e.g. 1-pixel images). */
    topCrop: Crop | null;
  }

  /** How smartcrop opens, resamples and reads an image (its `iop` in smartcrop.js). */
  export interface ImageOperations<Input, Image extends { width: number; height: number }> {
    open(input: Input, inputOptions?: unknown): Promise<Image>;
    resample(image: Image, width: number, height: number): Image | Promise<Image>;
    getData(image: Image): Promise<ImgData>;
  }

  export interface CropOptions<Input, Image extends { width: number; height: number }> {
    /** Target size; only its aspect ratio matters. */
    width: number;
    height: number;
    /** Smallest crop scale tried, relative to the largest crop of the target aspect (1 = largest only). */
    minScale?: number;
    maxScale?: number;
    /** Distance in analysed pixels between candidate crops. */
    step?: number;
    /** Let smartcrop shrink the image to a short edge of 256 px itself. */
    prescale?: boolean;
    ruleOfThirds?: boolean;
    imageOperations: ImageOperations<Input, Image>;
  }

  const smartcrop: {
    crop<Input, Image extends { width: number; height: number }>(
      input: Input,
      options: CropOptions<Input, Image>,
    ): Promise<CropResult>;
  };
  export default smartcrop;
}
