import { loadMessages } from '../i18n/catalogs.ts';
import { createTranslator, languageOf } from '../i18n/createTranslator.ts';
import { defaultLocale } from '../i18n/defaultLocale.ts';
import type { MessageKey } from '../i18n/messages.en.ts';

const MARKER = 'data-asset-selector-compat';

/**
 * A message shown inside the page's container where a selector would be (not configured, a
 * prop it cannot take, no folders to choose from): `role="alert"` for errors, `status` for a
 * state, in the page's language, styled inline (no stylesheet may be there yet). Returns it.
 */
export async function showMessage(container: Element, kind: 'alert' | 'status', title: MessageKey, body: MessageKey, params: Record<string, string>, detail?: string, locale?: string): Promise<HTMLElement> {
  let tag = defaultLocale();
  try {
    if (locale) tag = Intl.getCanonicalLocales(locale)[0] ?? tag;
  } catch {
    // An invalid locale may be what the message is about: the browser's language it is.
  }
  await loadMessages(languageOf(tag));
  const t = createTranslator(tag);
  const doc = container.ownerDocument;
  const box = doc.createElement('div');
  box.setAttribute(MARKER, kind);
  box.setAttribute('role', kind);
  box.lang = t.locale;
  box.style.cssText = 'box-sizing:border-box;padding:16px;font:14px/1.5 system-ui,sans-serif;border:1px solid #d9dce1;border-radius:8px';
  const paragraph = (text: string, bold = false) => {
    const p = doc.createElement('p');
    p.style.margin = '0 0 8px';
    if (bold) p.style.fontWeight = '600';
    p.textContent = text;
    return p;
  };
  box.append(paragraph(t.t(title), true), paragraph(t.t(body, params)));
  if (detail) box.append(paragraph(detail));
  removeMessage(container);
  container.append(box);
  return box;
}

/** Removes the message `showMessage` put into `container`, if any. */
export function removeMessage(container: Element): void {
  for (const child of [...container.children]) if (child.hasAttribute(MARKER)) child.remove();
}
