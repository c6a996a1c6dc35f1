import type { AssetSummary } from '../core/types.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import type { MessageKey } from '../i18n/messages.en.ts';

/** A short format name for a MIME type: `image/jpeg` → `JPEG`, `application/pdf` → `PDF`. */
export function formatLabel(mimeType: string): string {
  const subtype = mimeType.split(';')[0]!.split('/')[1] ?? mimeType;
  const last = subtype.split(/[.+]/).filter(Boolean).pop() ?? subtype;
  return last.replace(/^x-/, '').toUpperCase();
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
