import { useEffect } from 'react';
import { SelectorError } from '../core/selectorError.ts';
import { useSelectorStore } from '../store/useSelectorStore.ts';

// Keyed by the error object: react-query hands every reader of a failed query the same one, and a
// failed retry makes a new one, so each failure the user is shown is reported exactly once.
const reported = new WeakSet<object>();

/** Anything not already a SelectorError (a bug, a thrown string) is reported as one. */
export function asSelectorError(error: unknown): SelectorError {
  if (error instanceof SelectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SelectorError('invalid-response', message, { cause: error });
}

/** Passes an error the user is being shown to `options.onError`, once. */
export function useReportError(error: unknown): void {
  const store = useSelectorStore();
  useEffect(() => {
    if (!error || typeof error !== 'object' || reported.has(error)) return;
    reported.add(error);
    store.getState().options.onError?.(asSelectorError(error));
  }, [error, store]);
}
