import { useEffect, useState } from 'react';

/**
 * An object URL for `blob` while this component shows it: created when the blob arrives, revoked
 * when it changes and on unmount (a grid cell scrolled away), so no blob outlives what shows it.
 * The blob itself may live on in a cache, and a cell scrolled back gets a new URL for it at once.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [current, setCurrent] = useState<{ blob: Blob; url: string }>();
  useEffect(() => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    setCurrent({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  // Never the URL of a previous blob: that one is revoked by now.
  return current?.blob === blob ? current?.url : undefined;
}
