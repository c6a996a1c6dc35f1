import type { AssetSummary } from '../core/types.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import type { MessageKey } from '../i18n/messages.en.ts';

/** A MIME type's format as people say it, in the selector's language: `image/jpeg` → `JPEG`, `video/mp4` → `MP4 video`. */
export function formatLabel(t: Translator, mimeType: string): string {
  return t.formatName(mimeType);
}

/** The kind as a word for an accessible name ("image"). */
function kindName(t: Translator, asset: AssetSummary): string {
  return t.t(`kindName.${asset.kind}` as MessageKey);
}

/** A card's accessible name: title first, then kind and pixel size ("Kite over the hills, image, 2400 × 1500"). */
export function cardName(t: Translator, asset: AssetSummary): string {
  const kind = kindName(t, asset);
  if (asset.width && asset.height) return t.t('cardName', { title: asset.title, kind, width: String(asset.width), height: String(asset.height) });
  return t.t('cardNameNoSize', { title: asset.title, kind });
}

/** `2400 × 1500` (digits unformatted, as image sizes are written). */
export function dimensionsLabel(t: Translator, asset: AssetSummary): string | undefined {
  return asset.width && asset.height ? t.t('dimensions', { width: String(asset.width), height: String(asset.height) }) : undefined;
}
