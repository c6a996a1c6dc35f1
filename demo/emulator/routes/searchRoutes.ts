import type { EmulatorContext } from '../emulatorContext.ts';
import { readJson, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { parseSearchRequest } from '../search/searchRequest.ts';
import { authorize } from './assetLookup.ts';

/** `POST /adobe/assets/search`: the composite query language over the approved assets. */
export function searchRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('POST', /^\/adobe\/assets\/search$/, async ({ req, res }) => {
    // dm-openapi.txt: "Bearer and ApiKeyAuth".
    const caller = authorize(ctx, req, 'bearerAndApiKey');
    const request = parseSearchRequest(await readJson(req));
    sendJson(req, res, ctx.search.search(request, caller), { cacheControl: 'no-store' });
  });
}
