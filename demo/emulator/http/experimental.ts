import type { IncomingMessage } from 'node:http';
import { ProblemError } from './problem.ts';

/**
 * dm-openapi.txt marks some operations experimental with a required `X-Adobe-Accept-Experimental: 1`
 * header: GET of one collection and of its items, the collection job status and the search token.
 * Without it they answer 400 naming the header, so a client learns which opt-in it lacks. (HEAD of
 * a collection or of its items does not list the header and so does not need it.)
 */
export function requireExperimental(req: IncomingMessage): void {
  const value = req.headers['x-adobe-accept-experimental'];
  if (value === undefined) {
    throw new ProblemError(400, 'X-Adobe-Accept-Experimental: this operation is experimental; send the header "X-Adobe-Accept-Experimental: 1"', 'X-Adobe-Accept-Experimental');
  }
  if (String(value).trim() !== '1') {
    throw new ProblemError(400, `X-Adobe-Accept-Experimental: the only accepted value is 1, got "${String(value).slice(0, 40)}"`, 'X-Adobe-Accept-Experimental');
  }
}
