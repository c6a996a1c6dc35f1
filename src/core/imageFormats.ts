/**
 * The output formats of the image URLs a selector emits: the values of the `imageFormat` option
 * and the editor's Format choices. Declared once; the type, the option check and the editor
 * derive from it.
 */
export const IMAGE_FORMATS = ['avif', 'webp', 'jpg', 'png', 'gif'] as const;

export type ImageFormat = (typeof IMAGE_FORMATS)[number];
