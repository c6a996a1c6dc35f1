import { extendCatalog } from './catalogs.ts';
import { messagesExtrasEn } from './messages.extras.en.ts';

let registered = false;

/**
 * Called by the parts loaded on demand before they render: their English messages join the
 * catalog. (A call, not an import for its side effect: the package is marked side-effect free,
 * so a bare import would be dropped from the bundles.)
 */
export function registerExtrasMessages(): void {
  if (registered) return;
  registered = true;
  extendCatalog('en', messagesExtrasEn);
}
