import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ProblemError } from '../http/problem.ts';

/**
 * The time-limited token in the download URLs of a finished archive (the spec's `token` query
 * parameter, which allows anonymous retrieval): `<expiry>.<HMAC-SHA256 of archive id, file name and
 * expiry>`, keyed by a secret made at start, so a restart invalidates every token (and the
 * archives, whose files are removed at start). Tokens are compared in constant time and never logged
 * (the request log prints paths without their query).
 */
export class ArchiveTokens {
  readonly #secret = randomBytes(32);

  sign(archiveId: string, fileName: string, expiresAt: number): string {
    const expiry = Math.floor(expiresAt / 1000);
    return `${expiry}.${this.#mac(archiveId, fileName, expiry).toString('base64url')}`;
  }

  /** Throws a 401 without a token and a 403 for a forged, foreign or expired one. */
  verify(token: string | null, archiveId: string, fileName: string, now = Date.now()): void {
    if (token === null || token === '') throw new ProblemError(401, 'token: this download needs the token from the archive status response URL', 'token');
    const match = /^(\d{1,12})\.([\w-]{43})$/.exec(token);
    const expected = match ? this.#mac(archiveId, fileName, Number(match[1])) : undefined;
    const given = match ? Buffer.from(match[2]!, 'base64url') : undefined;
    if (!expected || !given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ProblemError(403, 'token: not a valid download token for this file', 'token');
    }
    if (Number(match![1]) * 1000 <= now) throw new ProblemError(403, 'token: expired; ask the archive status again for fresh URLs, or request a new archive', 'token');
  }

  #mac(archiveId: string, fileName: string, expiry: number): Buffer {
    return createHmac('sha256', this.#secret).update(`${archiveId}\n${fileName}\n${expiry}`).digest();
  }
}
