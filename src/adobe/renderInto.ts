import type { SelectorOptions } from '../core/options.ts';
import type { SelectorHandle } from '../embed/mount.ts';
import { afterPaint } from './afterPaint.ts';
import { removeMessage } from './messageBox.ts';

/** `mount()`, from the ESM build or from the script-tag build's global. */
export type MountFunction = (el: Element, options: SelectorOptions) => SelectorHandle;

interface Rendered {
  handle: SelectorHandle;
  /** The element `mount()` added to the container: gone when the page emptied the container. */
  node: Element | undefined;
}

const rendered = new WeakMap<Element, Rendered>();
const queues = new WeakMap<Element, Promise<void>>();

/** An Element of any realm. */
export function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 1;
}

/**
 * Runs a render call for `container` after the ones before it (renders are asynchronous: the
 * token, the script), then `onRenderComplete` once it has painted. A failure of the render
 * itself is logged (it is shown in the container by the render); one of the page's callback
 * surfaces as the page's own error, and the next render still runs.
 */
export function enqueueRender(container: Element, render: () => Promise<void>, onRenderComplete: unknown): void {
  const run = (queues.get(container) ?? Promise.resolve())
    .then(render)
    .catch((error: unknown) => console.error(error))
    .then(() => afterPaint(rendered.get(container)?.node))
    .then(() => {
      if (typeof onRenderComplete === 'function') (onRenderComplete as () => void)();
    });
  queues.set(container, run.catch(() => undefined));
}

/**
 * Renders a selector with `options` into `container`: the one already there is updated in place
 * (pages render again on every click), one whose node the page removed is replaced, and a
 * message shown there before is removed. `update()` and `mount()` throw a TypeError naming an
 * option they cannot take; the caller shows it.
 */
export function renderSelector(mount: MountFunction, container: Element, options: SelectorOptions): void {
  const current = rendered.get(container);
  if (current && current.node?.parentNode === container) {
    current.handle.update(options);
    removeMessage(container);
    return;
  }
  unrender(container);
  const before = new Set(container.children);
  const handle = mount(container, options);
  removeMessage(container);
  rendered.set(container, { handle, node: [...container.children].find((child) => !before.has(child)) });
}

/** Removes the selector rendered into `container`, if any. */
export function unrender(container: Element): void {
  const current = rendered.get(container);
  if (!current) return;
  rendered.delete(container);
  current.handle.unmount();
}
