import type { IncomingMessage } from 'node:http';
import { ProblemError } from '../http/problem.ts';
import { APPROVE_ROLES, DEV_API_KEY, DEV_TOKENS, WRITE_ROLES } from './devTokens.ts';
import { isSearchToken, verifySearchToken } from './searchTokens.ts';

/** Who is asking: the roles that decide which restricted assets exist for them. */
export interface Caller {
  authenticated: boolean;
  roles: ReadonlySet<string>;
  /** A token from `POST /search/token`: it authorizes asset search only. */
  searchOnly?: boolean;
}

export const ANONYMOUS: Caller = { authenticated: false, roles: new Set() };

/**
 * What an endpoint asks of its caller under `--require-auth`, as the `Security` line of each
 * operation in dm-openapi.txt says: "None or Bearer" (`optional`), "Bearer" (`bearer`) or
 * "Bearer and ApiKeyAuth" (`bearerAndApiKey`). Without `--require-auth` every endpoint is
 * `optional`.
 */
export type Security = 'optional' | 'bearer' | 'bearerAndApiKey';

const unauthorized = (detail: string) =>
  new ProblemError(401, detail, 'Authorization', { 'WWW-Authenticate': 'Bearer realm="asset-selector-emulator"' });

/**
 * Reads `Authorization` and `X-Api-Key`. A token that is present but unknown is always a 401 (as a
 * real repository answers an expired IMS token), so clients can exercise their refresh path; an
 * optional token only adds roles. A missing token where one is required is a 401, and a missing
 * or unknown API key where one is required a 403.
 */
export function identifyCaller(req: IncomingMessage, security: Security): Caller {
  const header = req.headers.authorization;
  let caller = ANONYMOUS;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('Authorization: expected "Bearer <token>"');
    if (isSearchToken(match[1]!)) {
      const grant = verifySearchToken(match[1]!);
      if (!grant) throw unauthorized('Authorization: the search token is not valid or has expired; ask POST /adobe/assets/search/token for a new one');
      if (!grant.indexes.includes('assets') || grant.operationType !== 'search') {
        throw new ProblemError(403, 'Authorization: this search token does not grant "search" on the "assets" index', 'Authorization');
      }
      caller = { authenticated: true, roles: new Set(grant.roles), searchOnly: true };
    } else {
      const roles = Object.hasOwn(DEV_TOKENS, match[1]!) ? DEV_TOKENS[match[1]!] : undefined;
      if (!roles) throw unauthorized('Authorization: the bearer token is not valid (see the README for the development tokens)');
      caller = { authenticated: true, roles: new Set(roles) };
    }
  }
  if (security === 'optional') return caller;
  if (!caller.authenticated) throw unauthorized('Authorization: a bearer token is required');
  if (security === 'bearerAndApiKey') {
    const key = req.headers['x-api-key'];
    if (key !== DEV_API_KEY) {
      throw new ProblemError(403, `X-Api-Key: ${key ? 'unknown API key' : 'an API key is required'}`, 'X-Api-Key');
    }
  }
  return caller;
}

/** Whether the caller may write through the Assets HTTP API (and so also read every asset there). */
export function canWrite(caller: Caller): boolean {
  return !caller.searchOnly && [...caller.roles].some((role) => WRITE_ROLES.has(role));
}

/** Whether the caller may change what decides delivery: approval, on/off times and roles. */
export function canApprove(caller: Caller): boolean {
  return !caller.searchOnly && [...caller.roles].some((role) => APPROVE_ROLES.has(role));
}
