import { useEffect, useState } from 'react';

/** The longest a part held back waits for an idle moment: a busy page shows it all the same. */
const IDLE_TIMEOUT_MS = 200;

/**
 * For a part that is not what a person came for (the filter groups beside the first screen of
 * thumbnails): with `later`, false in the render that mounts it, then true once the browser has
 * drawn that frame and has a moment (requestIdleCallback, at most IDLE_TIMEOUT_MS; where there is
 * none, Safari and jsdom, a task after the effects). Without `later`, true from the start. A call
 * after unmounting changes nothing (React and Preact ignore it), so none is cancelled.
 */
export function useShownAfterPaint(later: boolean): boolean {
  const [shown, setShown] = useState(!later);
  useEffect(() => {
    const show = () => setShown(true);
    if (!shown) typeof requestIdleCallback == 'function' ? requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(show);
  }, [shown]);
  return shown;
}
