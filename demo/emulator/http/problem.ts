import type { ProblemDetails } from '../../../src/core/types.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/**
 * RFC 9457 problem details (the contract's `ProblemDetails`). Every 4xx the emulator sends is
 * one of these, and its `detail` names the parameter at fault (also in `parameter`) so that a
 * developer reading a network log knows what to fix.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly parameter: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, parameter?: string, headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.parameter = parameter;
    this.headers = headers;
  }

  toJSON(): Required<Omit<ProblemDetails, 'parameter'>> & Pick<ProblemDetails, 'parameter'> {
    const body: ReturnType<ProblemError['toJSON']> = {
      type: `https://httpstatuses.io/${this.status}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
    };
    if (this.parameter) body.parameter = this.parameter;
    return body;
  }
}

/** 400 whose detail starts with the parameter's name, e.g. `badRequest('width', 'must be …')`. */
export function badRequest(parameter: string, message: string): ProblemError {
  return new ProblemError(400, `${parameter}: ${message}`, parameter);
}

export function notFound(detail: string, parameter?: string): ProblemError {
  return new ProblemError(404, detail, parameter);
}
