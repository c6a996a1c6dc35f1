import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { matchesEtag } from './respond.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A folder served under a URL prefix. */
export interface StaticMount {
  prefix: string;
  dir: string;
  /** Headers this folder's files are served with, besides the usual (a page's Content-Security-Policy). */
  headers?: (req: IncomingMessage) => Record<string, string>;
}

/**
 * Serves the demo pages and built bundles. Paths are resolved and checked to stay inside their
 * folder; `index.html` answers for a folder. Returns false when no file matches.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, mounts: readonly StaticMount[]): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  for (const { prefix, dir, headers: extra } of mounts) {
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return true;
    }
    if (!pathname.startsWith(prefix)) continue;
    const root = resolve(dir);
    let file = resolve(join(root, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== root && !file.startsWith(root + sep)) continue;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        res.end();
        return true;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) continue;
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'no-cache', ...extra?.(req) };
    if (matchesEtag(req, etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(info.size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  }
  return false;
}
