import { OPTION_ATTRIBUTES, OPTION_KINDS, OPTION_NAMES, type OptionName, type SelectorOptions } from '../core/options.ts';
import type { SelectedAsset } from '../core/types.ts';
import type { SelectorError } from '../core/selectorError.ts';
import { loadMessages } from '../i18n/catalogs.ts';
import { createTranslator, languageOf } from '../i18n/createTranslator.ts';
import { defaultLocale } from '../i18n/defaultLocale.ts';
import { adoptStyles } from '../ui/adoptStyles.ts';
import { injectStyles } from '../ui/injectStyles.ts';
import { textDirection } from '../ui/textDirection.ts';
import { mount, type SelectorHandle } from './mount.ts';

/** `detail` of the element's `select`, `selectionchange` and `close` events. */
export interface AssetSelectorEventDetail {
  assets: SelectedAsset[];
}

/**
 * `detail` of the element's `error` event: a `SelectorError` the person was shown (as `onError`
 * gets it), or the `TypeError` of an option the element cannot take (shown inside the element).
 */
export interface AssetSelectorErrorDetail {
  error: SelectorError | TypeError;
}

export interface AssetSelectorEventMap extends Omit<HTMLElementEventMap, 'error'> {
  select: CustomEvent<AssetSelectorEventDetail>;
  selectionchange: CustomEvent<AssetSelectorEventDetail>;
  close: CustomEvent<AssetSelectorEventDetail>;
  error: CustomEvent<AssetSelectorErrorDetail>;
}

/** `<asset-selector>`: every option as a property, the string ones also as attributes. */
export interface AssetSelectorElement extends HTMLElement, Partial<SelectorOptions> {
  /** Shows a modal selector. */
  open(): void;
  /** Hides a modal selector. */
  close(): void;
  /** What Select does: the `select` event with the selection (a modal closes first). */
  confirm(): void;
  /** What Cancel does: a modal closes, then the `close` event. */
  cancel(): void;
  /** The current selection as the payload of `select`. */
  getSelection(): SelectedAsset[];
  addEventListener<K extends keyof AssetSelectorEventMap>(type: K, listener: (this: AssetSelectorElement, ev: AssetSelectorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AssetSelectorEventMap>(type: K, listener: (this: AssetSelectorElement, ev: AssetSelectorEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'asset-selector': AssetSelectorElement;
  }
}

/**
 * Layout of the host element: the selector (mounted, in a shadow root of its own, into the mount
 * point) fills it. Its own stylesheet is adopted there by mount().
 */
const HOST_CSS = ':host{display:block}:host([hidden]){display:none}.as-mount-point{height:100%}';

/** The option a validation TypeError names (`option "selectionType" must be …`), without an index (`filters[0].id` → `filters`). */
function optionInMessage(message: string): OptionName | undefined {
  const name = /option "([A-Za-z]+)/.exec(message)?.[1];
  return (OPTION_NAMES as readonly string[]).includes(name ?? '') ? (name as OptionName) : undefined;
}

/** The attribute that sets `option` (`selectionType` → `selection-type`), if it has one. */
function attributeOf(option: OptionName): string | undefined {
  return Object.keys(OPTION_ATTRIBUTES).find((attribute) => OPTION_ATTRIBUTES[attribute] === option);
}

function attributeValue(option: OptionName, raw: string): unknown {
  // `editor="false"` (or `download="false"`) is the only way to say false in markup; a bare `editor` means true.
  if (OPTION_KINDS[option] === 'flag') return raw.trim().toLowerCase() !== 'false';
  return raw;
}

/**
 * Made on first use rather than at module load, so that importing the package where `HTMLElement`
 * does not exist (server-side rendering, Node tests) does not throw.
 */
function createElementClass(): CustomElementConstructor {
  class AssetSelectorElementImpl extends HTMLElement {
    static get observedAttributes(): string[] {
      // The string options (and `editor`), in kebab case: core/options.ts derives them.
      return Object.keys(OPTION_ATTRIBUTES);
    }

    static {
      // One accessor per option (the only way to pass token functions, `query`, `filters` and
      // callbacks); inside the class body so that they can reach the private state.
      for (const name of OPTION_NAMES) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          enumerable: true,
          get(this: AssetSelectorElementImpl) {
            return this.#options[name];
          },
          set(this: AssetSelectorElementImpl, value: unknown) {
            this.#setOption(name, value);
          },
        });
      }
    }

    /** Options from attributes and properties; the last write wins. */
    #options: Partial<SelectorOptions> = {};
    /** The options whose current value came from an attribute (an error then names the attribute). */
    #fromAttributes = new Set<OptionName>();
    #handle: SelectorHandle | undefined;
    #mountPoint: HTMLElement;
    #errorView: HTMLElement;
    /** The option error shown now, if any: reported once, cleared when the options are good again. */
    #optionError: TypeError | undefined;
    #syncQueued = false;
    #openRequested = false;

    constructor() {
      super();
      const shadow = this.attachShadow({ mode: 'open' });
      adoptStyles(shadow, HOST_CSS, 'data-asset-selector-host');
      // Styled as the selector's own errors (its stylesheet, injected when one is shown).
      this.#errorView = document.createElement('div');
      this.#errorView.className = 'as-root';
      this.#errorView.setAttribute('role', 'alert');
      this.#errorView.hidden = true;
      this.#mountPoint = document.createElement('div');
      this.#mountPoint.className = 'as-mount-point';
      shadow.append(this.#errorView, this.#mountPoint);
      // Properties set before the element was defined sit on the instance and shadow our accessors.
      for (const name of OPTION_NAMES) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = (this as Record<string, unknown>)[name];
          delete (this as Record<string, unknown>)[name];
          (this as Record<string, unknown>)[name] = value;
        }
      }
    }

    connectedCallback(): void {
      // At once, so that invalid options surface as an error while the element is being inserted.
      this.#sync();
    }

    disconnectedCallback(): void {
      // Deferred: a move within the page disconnects and reconnects in one task, and keeps its state.
      queueMicrotask(() => {
        if (!this.isConnected) this.#sync();
      });
    }

    attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
      const option = OPTION_ATTRIBUTES[name];
      if (!option) return;
      if (value === null) delete this.#options[option];
      else (this.#options as Record<string, unknown>)[option] = attributeValue(option, value);
      if (value === null) this.#fromAttributes.delete(option);
      else this.#fromAttributes.add(option);
      this.#queueSync();
    }

    open(): void {
      if (this.#handle) this.#handle.open();
      else this.#openRequested = true;
    }

    close(): void {
      this.#openRequested = false;
      this.#handle?.close();
    }

    confirm(): void {
      this.#handle?.confirm();
    }

    cancel(): void {
      this.#handle?.cancel();
    }

    getSelection(): SelectedAsset[] {
      return this.#handle?.getSelection() ?? [];
    }

    #setOption(name: OptionName, value: unknown): void {
      this.#fromAttributes.delete(name);
      if (value === undefined) delete this.#options[name];
      else (this.#options as Record<string, unknown>)[name] = value;
      this.#queueSync();
    }

    /** Several properties set in a row become one update. */
    #queueSync(): void {
      if (this.#syncQueued) return;
      this.#syncQueued = true;
      queueMicrotask(() => {
        this.#syncQueued = false;
        this.#sync();
      });
    }

    /**
     * Brings the mounted selector in line with the element: mounted while connected with a
     * repository. Options it cannot take are not thrown at whoever set them (markup has no one to
     * catch it): they are shown inside the element and reported once, by an `error` event. A
     * selector already mounted stays as it was (update() changes nothing when it throws).
     */
    #sync(): void {
      const wanted = this.isConnected && typeof this.#options.repository === 'string' && this.#options.repository !== '';
      if (!wanted) {
        this.#handle?.unmount();
        this.#handle = undefined;
        this.#showOptionError(undefined);
        return;
      }
      const options = this.#mountOptions();
      try {
        if (this.#handle) this.#handle.update(options);
        else {
          this.#handle = mount(this.#mountPoint, options);
          if (this.#openRequested) this.#handle.open();
        }
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        this.#showOptionError(error);
        return;
      }
      this.#showOptionError(undefined);
      this.#openRequested = false;
    }

    /** Shows (and reports once) an option error, or clears the one shown. */
    #showOptionError(error: TypeError | undefined): void {
      const previous = this.#optionError;
      this.#optionError = error;
      if (!error) {
        this.#errorView.hidden = true;
        this.#errorView.replaceChildren();
        return;
      }
      this.#renderOptionError();
      // The same problem met again (each sync meets it until it is fixed) is not news.
      if (previous?.message !== error.message) this.dispatchEvent(new CustomEvent<AssetSelectorErrorDetail>('error', { detail: { error } }));
    }

    /** The error as a person reads it, in the element's language (once that language's messages are here). */
    #renderOptionError(): void {
      const error = this.#optionError;
      if (!error) return;
      const requested = this.#options.locale;
      let locale = defaultLocale();
      if (typeof requested === 'string' && requested !== '') {
        try {
          locale = Intl.getCanonicalLocales(requested)[0] ?? locale;
        } catch {
          // An invalid locale may be the very error shown: the browser's language it is.
        }
      }
      const t = createTranslator(locale);
      const option = optionInMessage(error.message);
      const attribute = option && this.#fromAttributes.has(option) ? attributeOf(option) : undefined;
      const paragraph = (className: string, text: string) => {
        const p = document.createElement('p');
        p.className = className;
        p.textContent = text;
        return p;
      };
      const box = document.createElement('div');
      box.className = 'as-error';
      const text = document.createElement('div');
      text.className = 'as-error-text';
      text.append(
        paragraph('as-error-title', t.t('optionErrorTitle')),
        paragraph('as-error-message', attribute ? t.t('optionErrorAttribute', { attribute }) : t.t('optionErrorOption', { option: option ?? 'options' })),
        paragraph('as-error-detail', error.message),
      );
      box.append(text);
      const view = this.#errorView;
      view.lang = t.locale;
      view.dir = textDirection(t.locale);
      view.dataset.colorScheme = ['light', 'dark'].includes(this.#options.colorScheme as string) ? (this.#options.colorScheme as string) : 'auto';
      view.replaceChildren(box);
      view.hidden = false;
      void injectStyles(this.shadowRoot!);
      void loadMessages(languageOf(t.locale))?.then(() => {
        if (this.#optionError === error) this.#renderOptionError();
      });
    }

    #mountOptions(): SelectorOptions {
      const own = this.#options;
      const emit = (type: 'select' | 'selectionchange' | 'close', assets: SelectedAsset[]) =>
        this.dispatchEvent(new CustomEvent<AssetSelectorEventDetail>(type, { detail: { assets }, bubbles: true, composed: true }));
      return {
        ...(own as SelectorOptions),
        onSelect: (assets) => {
          own.onSelect?.(assets);
          emit('select', assets);
        },
        onSelectionChange: (assets) => {
          own.onSelectionChange?.(assets);
          emit('selectionchange', assets);
        },
        onClose: () => {
          own.onClose?.();
          emit('close', this.getSelection());
        },
        onError: (error: SelectorError) => {
          own.onError?.(error);
          // Not bubbling: a bubbling `error` would reach window.onerror as if the page had crashed.
          this.dispatchEvent(new CustomEvent('error', { detail: { error } }));
        },
      };
    }
  }

  return AssetSelectorElementImpl;
}

/**
 * Registers `<asset-selector>` (or another tag name). Safe to call again: a name that is already
 * defined keeps its definition, so a page that loads the script twice keeps working.
 */
export function defineAssetSelectorElement(name = 'asset-selector'): CustomElementConstructor {
  if (typeof customElements === 'undefined') throw new Error('asset-selector: custom elements need a browser (customElements is undefined)');
  const existing = customElements.get(name);
  if (existing) return existing;
  const ctor = createElementClass();
  customElements.define(name, ctor);
  return ctor;
}
