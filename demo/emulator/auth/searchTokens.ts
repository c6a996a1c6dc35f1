import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a search token grants: `POST /search` with the roles of the token that asked for it. */
export interface SearchGrant {
  roles: string[];
  indexes: string[];
  operationType: string;
  /** Epoch milliseconds. */
  expires: number;
}

export const SEARCH_TOKEN_TTL_MS = 60 * 60 * 1000;
const PREFIX = 'dmst.';
/** Per process: a restart invalidates every search token, as an expiry would. */
const SECRET = randomBytes(32);

const mac = (payload: string) => createHmac('sha256', SECRET).update(payload).digest();

/**
 * The short-lived tokens of `POST /search/token`: `dmst.<payload>.<HMAC-SHA256>`, stateless and
 * signed, carrying the roles of the caller that asked (so a search with it sees exactly what that
 * caller saw), the granted indexes and operation, and the expiry.
 */
export function issueSearchToken(grant: SearchGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${PREFIX}${payload}.${mac(payload).toString('base64url')}`;
}

export function isSearchToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** The grant, or undefined for a forged or expired token. */
export function verifySearchToken(token: string, now = Date.now()): SearchGrant | undefined {
  const match = /^dmst\.([\w-]{1,2000})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(match[1]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const grant = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as SearchGrant;
  return grant.expires > now ? grant : undefined;
}
