import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { SelectorOptions } from '../core/options.ts';
import type { SelectedAsset } from '../core/types.ts';
import { validateOptions } from '../core/validateOptions.ts';
import { loadMessages } from '../i18n/catalogs.ts';
import { languageOf } from '../i18n/createTranslator.ts';
import { defaultLocale } from '../i18n/defaultLocale.ts';
import { messageReference } from '../i18n/messageReference.ts';
import { createSelectorStore } from '../store/createSelectorStore.ts';
import { selectionPayload } from '../store/selectionPayload.ts';
import { SelectorRoot } from '../ui/SelectorRoot.tsx';
import { adoptStyles } from '../ui/adoptStyles.ts';
import { injectStyles } from '../ui/injectStyles.ts';
import { DEFAULT_HEIGHT, fillContainer } from './fillContainer.ts';

/** What `mount()` returns: the host's remote control for one selector. */
export interface SelectorHandle {
  /** Merges `partial` over the current options, validates the result (a TypeError naming the option) and applies it. */
  update(partial: Partial<SelectorOptions>): void;
  /** Shows the selector (a modal one starts closed). */
  open(): void;
  /** Hides the selector without calling `onClose` (that reports the person's cancel). */
  close(): void;
  /** Does what Select does: `onSelect` with the selection (a modal closes first); nothing while none is chosen. */
  confirm(): void;
  /** Does what Cancel does: a modal closes, then `onClose`. */
  cancel(): void;
  /** The current selection as the payload `onSelect` would receive. */
  getSelection(): SelectedAsset[];
  /** Removes the selector and everything it created; safe to call twice. Other methods then throw. */
  unmount(): void;
}

/**
 * The shadow host (our container inside the host's element): every inherited property reset
 * (font, colour, letter-spacing, line-height, text-align, white-space, cursor, visibility…, so
 * `* { font: 30px serif !important }` on the page reaches nothing), then sized to fill the element
 * it is in. `!important` in a shadow tree's own :host rules beats even the page's `!important`
 * rules for the host, so a page's `div { padding: 7px }` or `* { box-sizing: content-box }` cannot
 * resize it either. Inside it the inline selector fills it exactly (no min or max height) and
 * never sizes it (positioned absolutely), and the results scroll inside.
 */
const SHADOW_CSS =
  ':host{all:initial!important;display:block!important;position:relative!important;height:100%!important;overflow:hidden!important}' +
  `:host([data-default-height]){height:${DEFAULT_HEIGHT}px!important}` +
  // :host raises it above styles.css's own .as-inline, whichever sheet comes later.
  ':host .as-inline{position:absolute;inset:0;min-height:0;max-height:none}';

/** Elements that hold a selector, so a second `mount()` on one fails loudly instead of stacking two UIs. */
const occupied = new WeakSet<Element>();

/** An Element of any realm (an iframe's elements fail `instanceof Element` of the parent). */
function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 1 && typeof (value as Element).appendChild === 'function';
}

/**
 * Renders a selector into `el` (in a container of its own with a shadow root, so the host's
 * children and styles are left alone), filling it, and returns its handle. Options are validated
 * first: a mistake is a TypeError naming the option.
 */
export function mount(el: Element, options: SelectorOptions): SelectorHandle {
  if (!isElement(el)) {
    throw new TypeError(`asset-selector: mount(el, options) needs a DOM Element as "el", got ${el === null ? 'null' : typeof el}`);
  }
  if (occupied.has(el)) {
    throw new Error('asset-selector: this element already holds a selector; call unmount() on its handle before mounting another');
  }
  const store = createSelectorStore(validateOptions(options, { locale: defaultLocale(), catalog: messageReference }));
  // The options as the host gave them (not resolved), so that update() re-derives defaults such as searchUrl.
  let current: SelectorOptions = { ...options };

  const container = el.ownerDocument.createElement('div');
  container.setAttribute('data-asset-selector-mount', '');
  // Its own shadow root: the host's styles cannot reach in, ours cannot leak out (SHADOW_CSS resets what is inherited).
  const shadow = container.attachShadow({ mode: 'open' });
  adoptStyles(shadow, SHADOW_CSS, 'data-asset-selector-shadow');
  el.append(container);
  occupied.add(el);
  const sizing = fillContainer(el, container);
  sizing.check(store.getState().options.mode);
  // Not into the shadow root itself: Preact's render would remove the stylesheet link beside it.
  const rootElement = el.ownerDocument.createElement('div');
  shadow.append(rootElement);
  const root = createRoot(rootElement);
  // Until its stylesheet applies (a link in the script-tag build, a chunk in the ESM build), the
  // frame is not drawn at all (SelectorRoot's `styles`), as it is not until non-English messages
  // have come: no flash of unstyled or English UI, and nothing laid out unstyled (an unstyled
  // layout cost a cold start tens of milliseconds, and its grid, sized unstyled, asked for a
  // screenful of thumbnails it then dropped: e2e/scriptTagAssets.spec.ts). Its box keeps its size
  // (fillContainer reads it). The search is sent all the same.
  root.render(createElement(SelectorRoot, { store, styles: injectStyles(shadow) }));

  let unmounted = false;
  const alive = (method: string) => {
    if (unmounted) throw new Error(`asset-selector: ${method}() was called after unmount(); mount a new selector instead`);
  };

  return {
    update(partial) {
      alive('update');
      if (typeof partial !== 'object' || partial === null) throw new TypeError('asset-selector: update(partial) needs an object of options');
      const next = { ...current, ...partial };
      // Validate before anything changes, so a rejected update leaves the selector as it was.
      const resolved = validateOptions(next, { locale: defaultLocale(), catalog: messageReference });
      current = next;
      // A newly chosen language arrives on its own; the UI re-renders in it when it does.
      void loadMessages(languageOf(resolved.locale));
      store.getState().setOptions(resolved);
      sizing.check(resolved.mode);
    },
    open() {
      alive('open');
      store.getState().open();
    },
    close() {
      alive('close');
      store.getState().close();
    },
    confirm() {
      alive('confirm');
      store.getState().confirm();
    },
    cancel() {
      alive('cancel');
      store.getState().cancel();
    },
    getSelection() {
      alive('getSelection');
      return selectionPayload(store.getState());
    },
    unmount() {
      if (unmounted) return;
      unmounted = true;
      // React runs every effect cleanup here: listeners, timers, object URLs and the query cache go with it.
      root.unmount();
      sizing.stop();
      container.remove();
      occupied.delete(el);
    },
  };
}
