/** One animation frame, or 100 ms when frames do not come (a background tab): never a hang. */
const frame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Whether a selector's mount node has rendered and shows (it stays hidden until its stylesheet and messages are in). */
function painted(node: Element | undefined): boolean {
  if (!node || !node.isConnected) return true;
  const rendered = node.childElementCount > 0 || (node.shadowRoot?.childElementCount ?? 0) > 0;
  return rendered && (node as HTMLElement).style.visibility !== 'hidden';
}

/**
 * Resolves once `node` has rendered and the browser has painted it (a frame, then a task), so
 * `onRenderComplete` can open the page's dialog onto a finished selector. Waits at most about
 * ten seconds for a stylesheet or catalog that does not come.
 */
export async function afterPaint(node: Element | undefined): Promise<void> {
  for (let i = 0; i < 100 && !painted(node); i++) await frame();
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
