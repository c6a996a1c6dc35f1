import { createContext, useContext, useMemo } from 'react';
import type { ResolvedOptions } from '../core/validateOptions.ts';
import { useSelector } from './useSelectorStore.ts';

/** What every thumbnail needs to build and show its delivery URL. */
export interface Delivery {
  repository: string;
  format: ResolvedOptions['imageFormat'];
  /** A token is configured: a public image that fails to load is fetched with it once more. */
  hasToken: boolean;
}

/** Given by SelectorRoot to everything under it (useDelivery). */
export const DeliveryContext = createContext<Delivery | null>(null);

/**
 * The delivery settings, read from the store once for the whole selector: each card reads a
 * context instead of keeping subscriptions of its own, which add up over a window of rows.
 */
export function useOwnDelivery(): Delivery {
  const repository = useSelector((s) => s.options.repository);
  const format = useSelector((s) => s.options.imageFormat);
  const hasToken = useSelector((s) => s.options.token !== undefined && s.options.token !== '');
  return useMemo(() => ({ repository, format, hasToken }), [repository, format, hasToken]);
}

/** The selector's delivery settings (SelectorRoot provides them). */
export function useDelivery(): Delivery {
  return useContext(DeliveryContext)!;
}
