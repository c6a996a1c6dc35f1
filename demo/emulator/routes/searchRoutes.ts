import { identifyCaller } from '../auth/caller.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { readJson, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { parseSearchRequest } from '../search/searchRequest.ts';

/** `POST /adobe/assets/search`: the composite query language over the approved assets. */
export function searchRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('POST', /^\/adobe\/assets\/search$/, async ({ req, res }) => {
    const caller = identifyCaller(req, ctx.requireAuth);
    const request = parseSearchRequest(await readJson(req));
    sendJson(req, res, ctx.search.search(request, caller), { cacheControl: 'no-store' });
  });
}
