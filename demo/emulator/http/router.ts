import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemError } from './problem.ts';

interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The pattern's capture groups, percent-decoded. */
  params: string[];
  /** The same, as sent (for rules written over the encoded form, such as the spec's `seoName`). */
  raw: string[];
}

type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  methods: Set<string>;
  pattern: RegExp;
  handler: RouteHandler;
}

/**
 * A method + regular-expression router. The emulator has a dozen routes whose last segment mixes
 * a name and an extension (`/as/{seoName}.{format}`), which a regular expression says directly.
 * GET routes answer HEAD as well; a path that exists for other methods gets a 405.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(methods: string | string[], pattern: RegExp, handler: RouteHandler): this {
    const set = new Set(Array.isArray(methods) ? methods : [methods]);
    if (set.has('GET')) set.add('HEAD');
    this.routes.push({ methods: set, pattern, handler });
    return this;
  }

  /** Runs the matching route; returns false when no route has this path. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    let allowed: string[] = [];
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      if (!route.methods.has(req.method ?? 'GET')) {
        allowed = allowed.concat([...route.methods]);
        continue;
      }
      const raw = match.slice(1).map((p) => p ?? '');
      const params = raw.map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new ProblemError(400, `path: malformed percent-encoding in "${p}"`, 'path');
        }
      });
      await route.handler({ req, res, url, params, raw });
      return true;
    }
    if (allowed.length > 0) {
      throw new ProblemError(405, `method: ${req.method} is not supported here; use ${[...new Set(allowed)].join(', ')}`, 'method', {
        Allow: [...new Set(allowed)].join(', '),
      });
    }
    return false;
  }
}
