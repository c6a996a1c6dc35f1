import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, ProblemError } from './problem.ts';
import { readJson, sendJson } from './respond.ts';

/** One armed fault: the next `remaining` requests to `path` fail with `status`. */
export interface Fault {
  /** An exact path, or a prefix when it ends with `*` (`/adobe/assets/*`). */
  path: string;
  /** Only this method, when given (e.g. `POST`); otherwise any method. */
  method?: string;
  /** 400–599; sent as problem+json. */
  status: number;
  remaining: number;
}

const FAULTS_PATH = '/_emulator/faults';

/**
 * Fault injection for end-to-end tests (`--faults`): `POST /_emulator/faults` with
 * `{ "path": "/adobe/assets/search", "status": 503, "count": 1 }` makes the next `count` matching
 * requests fail with that status; `DELETE` clears every fault and `GET` lists them. Off by default,
 * because a demo server must not let any page on the network break it.
 */
export class FaultInjector {
  private faults: Fault[] = [];

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes one matching fault and returns the error to answer with, or undefined to serve normally. */
  take(method: string, pathname: string): ProblemError | undefined {
    const fault = this.faults.find((f) => (f.method === undefined || f.method === method) && matches(f.path, pathname));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    // No Retry-After: the client's own backoff decides, as it would after a real outage.
    return new ProblemError(fault.status, `fault injected by the emulator for ${method} ${pathname} (POST ${FAULTS_PATH})`);
  }

  /**
   * Answers requests to `/_emulator/faults`, throws the armed fault's ProblemError for a matching
   * request, and returns false for everything else (to be served normally).
   */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== FAULTS_PATH) {
      const fault = this.take(req.method ?? 'GET', url.pathname);
      if (fault) throw fault;
      return false;
    }
    if (req.method === 'POST') this.add(parseFault(await readJson(req)));
    else if (req.method === 'DELETE') this.clear();
    else if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ProblemError(405, `${req.method} is not supported here; use GET, POST or DELETE`, 'method', { Allow: 'GET, HEAD, POST, DELETE' });
    }
    sendJson(req, res, { faults: this.list() });
    return true;
  }
}

function matches(pattern: string, pathname: string): boolean {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

function parseFault(body: unknown): Fault {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'expected {"path", "status", "count"?, "method"?}');
  const { path, status, count = 1, method } = body as Record<string, unknown>;
  if (typeof path !== 'string' || !path.startsWith('/')) throw badRequest('path', `must be a path starting with "/", got ${JSON.stringify(path)}`);
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) throw badRequest('status', `must be an integer from 400 to 599, got ${JSON.stringify(status)}`);
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10_000) throw badRequest('count', `must be an integer from 1 to 10000, got ${JSON.stringify(count)}`);
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Z]+$/.test(method))) throw badRequest('method', `must be an upper-case HTTP method, got ${JSON.stringify(method)}`);
  return { path, status: status as number, remaining: count as number, ...(method ? { method } : {}) };
}
