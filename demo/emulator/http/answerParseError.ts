import type { Socket } from 'node:net';
import { ProblemError } from './problem.ts';

/** Node's parser error codes, by what the client got wrong. */
const PARSE_ERRORS: Record<string, { status: number; parameter: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, parameter: 'headers', detail: 'the request line and headers together are larger than the server accepts (16 KiB)' },
  HPE_INVALID_METHOD: { status: 400, parameter: 'method', detail: 'not a valid HTTP method (methods are case-sensitive: GET, HEAD, POST, OPTIONS)' },
  HPE_INVALID_URL: { status: 400, parameter: 'path', detail: 'the request target holds a character that is not allowed in a URL' },
  HPE_INVALID_TRANSFER_ENCODING: { status: 400, parameter: 'Transfer-Encoding', detail: 'Transfer-Encoding is not allowed together with Content-Length, or is malformed' },
  HPE_UNEXPECTED_CONTENT_LENGTH: { status: 400, parameter: 'Content-Length', detail: 'Content-Length is not allowed together with Transfer-Encoding' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, parameter: 'Content-Length', detail: 'Content-Length is malformed or given twice' },
  HPE_INVALID_HEADER_TOKEN: { status: 400, parameter: 'headers', detail: 'a header name or value holds a character that is not allowed' },
  HPE_INVALID_VERSION: { status: 400, parameter: 'version', detail: 'not a valid HTTP version' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, parameter: 'request', detail: 'the request was not received in time' },
};

/** The problem a request that Node's HTTP parser refused is answered with. */
function problemForParseError(code: string | undefined): ProblemError {
  const known = PARSE_ERRORS[code ?? ''] ?? { status: 400, parameter: 'request', detail: 'the request is not valid HTTP/1.1' };
  return new ProblemError(known.status, `${known.parameter}: ${known.detail}`, known.parameter);
}

/**
 * The server's `clientError` handler. Node answers requests its parser refuses (a 70 KB URL, a
 * NUL byte, `get`, Content-Length with Transfer-Encoding) with a bare status line; this answers
 * them like every other 4xx, as problem+json, then closes the connection, since the parser
 * cannot find where the next request would start.
 */
export function answerParseError(error: Error & { code?: string }, socket: Socket): void {
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const problem = problemForParseError(error.code);
  const details = problem.toJSON();
  const body = JSON.stringify(details);
  const head = [
    `HTTP/1.1 ${details.status} ${details.title}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Access-Control-Allow-Origin: *',
    'Connection: close',
  ];
  // The client may still be sending (the rest of a 70 KB URL): keep reading and dropping it, so
  // that closing does not reset the connection before the client has read the answer.
  socket.on('data', () => {});
  socket.resume();
  socket.on('error', () => socket.destroy());
  socket.setTimeout(2_000, () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
