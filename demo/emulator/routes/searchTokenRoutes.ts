import { identifyCaller } from '../auth/caller.ts';
import { APPROVE_ROLES, WRITE_ROLES } from '../auth/devTokens.ts';
import { issueSearchToken, SEARCH_TOKEN_TTL_MS } from '../auth/searchTokens.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { requireExperimental } from '../http/experimental.ts';
import { badRequest } from '../http/problem.ts';
import { readJson, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';

const INDEXES = ['assets', 'collections', 'linkshares', 'querysuggestions'];
const OPERATIONS = ['search', 'analytics', 'settings'];
/** The emulator's stand-in for the search service's application id. */
const APP_ID = 'EMULATOR01';

/**
 * `POST /search/token` (experimental, Bearer): a short-lived token for searching on the caller's
 * behalf, e.g. from a browser that should not hold the caller's own token. It carries the
 * caller's roles, so it finds what the caller finds; the emulator accepts it as the bearer of
 * `POST /search` when it grants the `assets` index for `search`, and refuses it everywhere else.
 * The response follows the spec's sample: `{ token, expiryTime, appId }`.
 */
export function searchTokenRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('POST', /^\/adobe\/assets\/search\/token$/, async ({ req, res }) => {
    // "Bearer" with or without --require-auth: a token is made from the caller's own.
    const caller = identifyCaller(req, 'bearer');
    requireExperimental(req);
    if (caller.searchOnly) throw badRequest('Authorization', 'a search token cannot ask for another; use the token it was made from');
    const body = await readJson(req, 'a token request { "indexes", "operationType" }');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'must be a JSON object { "indexes", "operationType" }');
    const { indexes, operationType } = body as Record<string, unknown>;
    if (!Array.isArray(indexes) || indexes.length === 0 || indexes.length > INDEXES.length || indexes.some((i) => !INDEXES.includes(i as string))) {
      throw badRequest('indexes', `must be a non-empty array of ${INDEXES.map((i) => `"${i}"`).join(', ')}`);
    }
    if (!OPERATIONS.includes(operationType as string)) throw badRequest('operationType', `must be one of ${OPERATIONS.map((o) => `"${o}"`).join(', ')}`);
    const expires = Date.now() + SEARCH_TOKEN_TTL_MS;
    // Only the roles that decide what search shows: never one that may write.
    const roles = [...caller.roles].filter((role) => !WRITE_ROLES.has(role) && !APPROVE_ROLES.has(role));
    const token = issueSearchToken({ roles, indexes: [...new Set(indexes as string[])], operationType: operationType as string, expires });
    sendJson(req, res, { token, expiryTime: new Date(expires).toISOString(), appId: APP_ID }, { cacheControl: 'no-store' });
  });
}
