import type { ImagePreset as ImagePresetContract } from '../../../src/core/types.ts';

/**
 * An image preset as `imagePresets` lists it: a named bundle of delivery modifiers, applied with
 * `preset=NAME`. Modifiers are written as in a query string; explicit modifiers in the URL win.
 */
type ImagePreset = Required<ImagePresetContract>;

export const IMAGE_PRESETS: readonly ImagePreset[] = [
  { name: 'thumbnail', description: '320 × 320 square thumbnail', modifiers: { width: '320', height: '320', fit: 'crop', quality: '70' } },
  { name: 'card', description: '640 px wide card image', modifiers: { width: '640', quality: '75' } },
  { name: 'hero', description: '1920 px wide hero banner', modifiers: { width: '1920', height: '800', fit: 'crop', quality: '80' } },
  { name: 'social', description: '1200 × 630 social sharing image', modifiers: { width: '1200', height: '630', fit: 'crop', quality: '80' } },
  { name: 'print-preview', description: '2048 px, high quality', modifiers: { width: '2048', quality: '90', sharpen: 'true' } },
];

export function findPreset(name: string): ImagePreset | undefined {
  return IMAGE_PRESETS.find((p) => p.name === name);
}
