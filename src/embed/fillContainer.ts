/** The height an inline selector takes when the element it is mounted in has none of its own. */
export const DEFAULT_HEIGHT = 600;

/**
 * The inline selector fills the element it is mounted in and never sizes it (inside its container
 * it is positioned absolutely), which needs that element to have a height. One without (height
 * auto, nothing else giving it one) leaves the container 0 px high: it gets {@link DEFAULT_HEIGHT}
 * instead, and the console one warning that says what to do. Judged once the element is rendered
 * (at once, or when a detached or `display: none` element first gets a box), and again when an
 * update() makes a modal selector inline.
 */
export function fillContainer(el: Element, container: HTMLElement): { check(mode: string): void; stop(): void } {
  let observer: ResizeObserver | undefined;
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
  };
  /** False while the element has no box, so its height cannot be known yet. */
  const judge = () => {
    if (el.getClientRects().length === 0) return false;
    if (container.getBoundingClientRect().height === 0 && !container.hasAttribute('data-default-height')) {
      container.setAttribute('data-default-height', '');
      // Inside <asset-selector> the element to size is the custom element itself.
      const host = (el.getRootNode() as Partial<ShadowRoot>).host ?? el;
      console.warn(`asset-selector: <${host.localName}${host.id ? ` id="${host.id}"` : ''}> has no height, so the selector is ${DEFAULT_HEIGHT}px high. Give it a height: the selector fills it.`);
    }
    return true;
  };
  return {
    check(mode) {
      if (mode !== 'inline' || observer || judge() || typeof ResizeObserver !== 'function') return;
      observer = new ResizeObserver(() => {
        if (judge()) stop();
      });
      observer.observe(el);
    },
    stop,
  };
}
