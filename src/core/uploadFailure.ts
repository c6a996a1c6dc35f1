import type { ProblemDetails } from './types.ts';

/**
 * Why an upload step failed, as the person is told:
 * - `too-large`: over the repository's upload limit (413).
 * - `wrong-type`: a type the repository does not take (415), or bytes that are not what the file
 *   claims to be (a 400 naming `Content-Type` or `file`): a text file named `.jpg`.
 * - `conflict`: the name is taken (409): rename or replace.
 * - `not-allowed`: the token may not write (401, 403).
 * - `network`: no answer at all (offline, CORS, the connection dropped).
 * - `server`: 5xx or 429: trying again may help.
 * - `rejected`: any other refusal; the problem's detail says why.
 */
type UploadFailureKind = 'too-large' | 'wrong-type' | 'conflict' | 'not-allowed' | 'network' | 'server' | 'rejected';

export interface UploadFailure {
  kind: UploadFailureKind;
  status: number;
  /** The repository's problem detail, when it sent one (shown as text). */
  detail?: string;
}

/** Reads an answer's body as problem+json; undefined when it is not one. */
function problemFrom(text: string): ProblemDetails | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/** What an answer of `status` (0: none arrived) with `body` means for the person uploading. */
export function classifyUploadFailure(status: number, body = ''): UploadFailure {
  const problem = problemFrom(body);
  const detail = typeof problem?.detail === 'string' ? problem.detail : undefined;
  const parameter = typeof problem?.parameter === 'string' ? problem.parameter : '';
  const kind: UploadFailureKind =
    status === 0
      ? 'network'
      : status === 413
        ? 'too-large'
        : status === 415 || (status === 400 && /^(content-type|file)$/i.test(parameter))
          ? 'wrong-type'
          : status === 409
            ? 'conflict'
            : status === 401 || status === 403
              ? 'not-allowed'
              : status === 429 || status >= 500
                ? 'server'
                : 'rejected';
  return detail === undefined ? { kind, status } : { kind, status, detail };
}
