import type { IncomingMessage } from 'node:http';
import { ProblemError } from '../http/problem.ts';
import { DEV_API_KEY, DEV_TOKENS } from './devTokens.ts';

/** Who is asking: the roles that decide which restricted assets exist for them. */
export interface Caller {
  authenticated: boolean;
  roles: ReadonlySet<string>;
}

export const ANONYMOUS: Caller = { authenticated: false, roles: new Set() };

const unauthorized = (detail: string) =>
  new ProblemError(401, detail, 'Authorization', { 'WWW-Authenticate': 'Bearer realm="asset-selector-emulator"' });

/**
 * Reads `Authorization` and `X-Api-Key`. A token that is present but unknown is always a 401 (as a
 * real repository answers an expired IMS token), so clients can exercise their refresh path.
 * `required` is set for search when the emulator runs with `--require-auth`.
 */
export function identifyCaller(req: IncomingMessage, required: boolean): Caller {
  const header = req.headers.authorization;
  let caller = ANONYMOUS;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('Authorization: expected "Bearer <token>"');
    const roles = DEV_TOKENS[match[1]!];
    if (!roles) throw unauthorized('Authorization: the bearer token is not valid (see the README for the development tokens)');
    caller = { authenticated: true, roles: new Set(roles) };
  }
  if (required) {
    if (!caller.authenticated) throw unauthorized('Authorization: a bearer token is required');
    const key = req.headers['x-api-key'];
    if (key !== DEV_API_KEY) {
      throw new ProblemError(403, `X-Api-Key: ${key ? 'unknown API key' : 'an API key is required'}`, 'X-Api-Key');
    }
  }
  return caller;
}
