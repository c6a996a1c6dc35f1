import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemError } from './problem.ts';

const EXPOSED = 'ETag, Content-Type, Content-Length, Content-Disposition, Retry-After, Vary, WWW-Authenticate, Location';
/** The Assets HTTP API's headers too (COPY and MOVE take X-Destination, X-Depth, X-Overwrite). */
const ALLOWED_HEADERS = 'Authorization, X-Api-Key, Content-Type, If-None-Match, If-Match, X-Adobe-Accept-Experimental, Accept, X-Destination, X-Depth, X-Overwrite';
/** Reads everywhere; writes on `/api/assets`. */
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE, COPY, MOVE, OPTIONS';

/**
 * CORS on every response, so a host page on any origin can search and deliver; `*` is enough
 * because the selector sends its bearer token in a header, never in cookies.
 */
export function applyCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
}

export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}

/** RFC 9110 weak comparison, which is what If-None-Match uses. */
export function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

interface Representation {
  body: Buffer | string;
  contentType: string;
  /** A strong validator, already quoted. */
  etag?: string;
  cacheControl?: string;
  headers?: Record<string, string>;
}

/** Sends a representation, or 304 when the client already has it. HEAD gets the headers only (Node drops the body). */
export function send(req: IncomingMessage, res: ServerResponse, status: number, rep: Representation): void {
  const headers: Record<string, string> = { ...rep.headers };
  if (rep.etag) headers.ETag = rep.etag;
  if (rep.cacheControl) headers['Cache-Control'] = rep.cacheControl;
  // A private answer (a restricted asset) depends on who asks: the browser's cache must not hand
  // it to a request with other credentials, or none, which the repository answers with a 404.
  if (rep.cacheControl?.startsWith('private')) headers.Vary = headers.Vary ? `${headers.Vary}, Authorization` : 'Authorization';
  if (rep.etag && status === 200 && matchesEtag(req, rep.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = typeof rep.body === 'string' ? Buffer.from(rep.body) : rep.body;
  headers['Content-Type'] = rep.contentType;
  headers['Content-Length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(body);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown, options: Omit<Representation, 'body' | 'contentType'> = {}, status = 200): void {
  send(req, res, status, { ...options, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' });
}

export function sendProblem(res: ServerResponse, error: ProblemError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(error.toJSON());
  res.writeHead(error.status, {
    ...error.headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Reads a request body up to `limit` bytes; larger bodies are a 413 rather than unbounded memory. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      // The rest of the upload is not read, so the connection cannot be reused.
      throw new ProblemError(413, `body: larger than ${limit} bytes`, 'body', { Connection: 'close' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, what = 'a JSON search request'): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type && !/^application\/(.+\+)?json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    throw new ProblemError(415, `Content-Type: expected application/json, got ${type}`, 'Content-Type');
  }
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') throw new ProblemError(400, `body: ${what} is required`, 'body');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, `body: malformed JSON (${(error as Error).message})`, 'body');
  }
}
