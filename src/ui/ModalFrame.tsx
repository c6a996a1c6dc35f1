import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const TABBABLE = [
  'a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])',
  'textarea:not([disabled])', '[tabindex]:not([tabindex="-1"])',
].join(',');

function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && !el.closest('[hidden], [inert]'));
}

/** The focused element, looking inside shadow roots (the custom element renders into one). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

export interface ModalFrameProps {
  label: string;
  colorScheme: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** What gets focus when the dialog opens (the search field); else its first tabbable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Esc: the owner closes the dialog (and tells the host). */
  onEscape(): void;
  children: ReactNode;
}

/**
 * A modal `<dialog>` opened with showModal(), without a portal (a portal would leave the shadow
 * root and its styles): the top layer puts it above anything the host page stacks, its own modal
 * dialog or a z-index 2147483647 overlay included, and makes the rest of the page inert. Focus
 * moves in on open, Tab and Shift+Tab stay inside, Esc closes, and focus returns on close to what
 * had it before.
 */
export function ModalFrame({ label, colorScheme, lang, dir, initialFocus, onEscape, children }: ModalFrameProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = deepActiveElement(dialog.ownerDocument);
    // jsdom has no showModal(); there the dialog is merely open.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const first = initialFocus?.current ?? tabbables(dialog)[0] ?? dialog;
    first.focus();
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = dialogRef.current!;
    const items = tabbables(dialog);
    if (items.length === 0) {
      event.preventDefault();
      dialog.focus();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = deepActiveElement(dialog.ownerDocument);
    if (event.shiftKey && (active === first || active === dialog || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="as-root as-modal"
      data-color-scheme={colorScheme}
      lang={lang}
      dir={dir}
      aria-modal="true"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // A close request that is not a key (a phone's back gesture) cancels as Esc does; the owner closes it.
      onCancel={(event) => {
        event.preventDefault();
        onEscape();
      }}
    >
      {children}
    </dialog>
  );
}
