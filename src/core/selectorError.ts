import type { ProblemDetails } from './types.ts';

export type SelectorErrorCode =
  /** The request never got an answer (offline, DNS, CORS). */
  | 'network'
  /** 401/403 even after asking the token function again. */
  | 'unauthorized'
  /** 404: the asset is gone or hidden. */
  | 'not-found'
  /** Any other 4xx: the request was wrong; `problem.detail` says how. */
  | 'bad-request'
  /** 429 or 5xx after the retries ran out. */
  | 'unavailable'
  /** The answer was not what the API promises. */
  | 'invalid-response';

/** Marks every SelectorError, whichever copy of this module made it (see `Symbol.hasInstance` below). */
const BRAND = Symbol.for('asset-selector.SelectorError');

/** What the selector reports through `onError` and shows with a Retry. */
export class SelectorError extends Error {
  /**
   * `instanceof SelectorError` holds for errors from any copy of the package on the page: the
   * `asset-selector` and `asset-selector/core` entries each carry one (vite.config.ts, esmBuild),
   * and a page may load the script-tag build beside them.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the usual prototype check: only SelectorError itself stands for every copy.
    if (this !== SelectorError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  readonly code: SelectorErrorCode;
  readonly status: number | undefined;
  readonly problem: ProblemDetails | undefined;

  constructor(code: SelectorErrorCode, message: string, options: { status?: number; problem?: ProblemDetails; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SelectorError';
    Object.defineProperty(this, BRAND, { value: true });
    this.code = code;
    this.status = options.status;
    this.problem = options.problem;
  }

  /** Whether trying again may help (the UI offers Retry for all errors, but only these are retried automatically). */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'unavailable';
  }
}

/** Anything thrown (a bug, a thrown string) as a SelectorError, so hosts get one type in `onError`. */
export function asSelectorError(error: unknown): SelectorError {
  if (error instanceof SelectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SelectorError('invalid-response', message, { cause: error });
}
