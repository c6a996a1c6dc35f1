import { useEffect, useState } from 'react';

/** How long a part held back waits for an idle moment once `ready`: a busy page shows it all the same. */
const IDLE_TIMEOUT_MS = 200;
/** How long it waits for `ready` at most (a repository that does not answer). */
const LATEST_MS = 1000;

/**
 * For a part that is not what a person came for (the filter groups beside the first screen of
 * thumbnails): with `later`, false in the render that mounts it, then true once `ready` and the
 * browser has drawn the frame that made it so and has a moment (requestIdleCallback, at most
 * IDLE_TIMEOUT_MS; where there is none, Safari and jsdom, a task after the effects); or LATEST_MS
 * after mounting, ready or not. Without `later`, true from the start. A timer that fires after the
 * part is shown or gone changes nothing (React and Preact ignore the call), so none is cancelled.
 */
export function useShownAfterPaint(later: boolean, ready: boolean): boolean {
  const [shown, setShown] = useState(!later);
  useEffect(() => {
    if (shown) return;
    const show = () => setShown(true);
    if (!ready) setTimeout(show, LATEST_MS);
    else if (typeof requestIdleCallback == 'function') requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(show);
  }, [shown, ready]);
  return shown;
}
