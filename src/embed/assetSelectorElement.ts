import { OPTION_ATTRIBUTES, OPTION_NAMES, type OptionName, type SelectorOptions } from '../core/options.ts';
import type { SelectedAsset } from '../core/types.ts';
import type { SelectorError } from '../core/selectorError.ts';
import { mount, type SelectorHandle } from './mount.ts';

/** `detail` of the element's `select`, `selectionchange` and `close` events. */
export interface AssetSelectorEventDetail {
  assets: SelectedAsset[];
}

export interface AssetSelectorEventMap extends HTMLElementEventMap {
  select: CustomEvent<AssetSelectorEventDetail>;
  selectionchange: CustomEvent<AssetSelectorEventDetail>;
  close: CustomEvent<AssetSelectorEventDetail>;
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

/** Layout of the host element; the selector's own stylesheet is injected beside it by mount(). */
const HOST_CSS = ':host{display:block}:host([hidden]){display:none}';

function attributeValue(option: OptionName, raw: string): unknown {
  // `editor="false"` is the only way to say false in markup; a bare `editor` means true.
  if (option === 'editor') return raw.trim().toLowerCase() !== 'false';
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
    #handle: SelectorHandle | undefined;
    #mountPoint: HTMLElement;
    #syncQueued = false;
    #openRequested = false;

    constructor() {
      super();
      const shadow = this.attachShadow({ mode: 'open' });
      const hostStyle = document.createElement('style');
      hostStyle.textContent = HOST_CSS;
      this.#mountPoint = document.createElement('div');
      shadow.append(hostStyle, this.#mountPoint);
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

    /** Brings the mounted selector in line with the element: mounted while connected with a repository. */
    #sync(): void {
      const wanted = this.isConnected && typeof this.#options.repository === 'string' && this.#options.repository !== '';
      if (!wanted) {
        this.#handle?.unmount();
        this.#handle = undefined;
        return;
      }
      const options = this.#mountOptions();
      if (this.#handle) this.#handle.update(options);
      else {
        this.#handle = mount(this.#mountPoint, options);
        if (this.#openRequested) this.#handle.open();
      }
      this.#openRequested = false;
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
