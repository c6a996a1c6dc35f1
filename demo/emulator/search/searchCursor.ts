import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../http/problem.ts';

/** Where the next page starts: the hash of the search it belongs to, the position and the last asset shown. */
interface CursorState {
  search: string;
  position: number;
  lastId: string;
}

/**
 * Opaque, signed page cursors. The signature makes a forged or truncated cursor a clear 400
 * rather than a silently wrong page; the key is per process, as a real service rotates its own.
 */
export function createCursorCodec(secret: Buffer = randomBytes(32)) {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
  return {
    encode(state: CursorState): string {
      const payload = Buffer.from(JSON.stringify([state.search, state.position, state.lastId])).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor: string, search: string): CursorState {
      const [payload, signature, extra] = cursor.split('.');
      const expected = payload ? sign(payload) : '';
      if (!payload || !signature || extra !== undefined || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
        throw badRequest('cursor', 'is not a cursor this server issued (it may be from before a restart); start again without a cursor');
      }
      const [hash, position, lastId] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, number, string];
      if (hash !== search) throw badRequest('cursor', 'belongs to a different query or order; send the same query and orderBy as the first page');
      return { search: hash, position, lastId };
    },
  };
}

export type CursorCodec = ReturnType<typeof createCursorCodec>;
