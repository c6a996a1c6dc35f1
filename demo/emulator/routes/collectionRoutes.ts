import type { IncomingMessage } from 'node:http';
import { sha1 } from '../catalog/assetId.ts';
import type { CollectionRecord } from '../catalog/catalog.ts';
import { isVisible } from '../catalog/isVisible.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { authorize, quote } from './assetLookup.ts';
import { paginate } from './paginate.ts';

const COLLECTION_ID = /^urn:cid:aem:[0-9a-f-]{36}$/;

function describe(collection: CollectionRecord) {
  return {
    id: collection.id,
    repositoryMetadata: { 'repo:createDate': collection.createDate, 'repo:modifyDate': collection.modifyDate },
    collectionMetadata: { title: collection.title, description: collection.description },
  };
}

/**
 * Read-only collections; their item lists show only the assets this caller may see. Under
 * `--require-auth` dm-openapi.txt asks for a bearer token to GET any of them, but lists the HEAD
 * requests of one collection and of its items as "None or Bearer".
 */
export function collectionRoutes(router: Router, ctx: EmulatorContext): void {
  const find = (req: IncomingMessage, id: string) => {
    const caller = authorize(ctx, req, req.method === 'HEAD' ? 'optional' : 'bearer');
    if (!COLLECTION_ID.test(id)) throw badRequest('collectionId', `"${id}" is not a collection id; expected urn:cid:aem:<uuid>`);
    const collection = ctx.catalog.collections.find((c) => c.id === id);
    if (!collection) throw notFound(`collectionId: no collection ${id}`, 'collectionId');
    return { collection, caller };
  };

  router.add('GET', /^\/adobe\/assets\/collections$/, ({ req, res, url }) => {
    authorize(ctx, req, 'bearer');
    sendJson(req, res, paginate(ctx.catalog.collections.map(describe), url), { cacheControl: 'no-cache' });
  });

  router.add('GET', /^\/adobe\/assets\/collections\/([^/]+)$/, ({ req, res, params }) => {
    const { collection } = find(req, params[0]!);
    sendJson(req, res, describe(collection), { etag: quote(collection.etag), cacheControl: 'no-cache' });
  });

  router.add('GET', /^\/adobe\/assets\/collections\/([^/]+)\/items$/, ({ req, res, url, params }) => {
    const { collection, caller } = find(req, params[0]!);
    const now = Date.now();
    const items = collection.items
      .flatMap((id) => ctx.catalog.byId.get(id) ?? [])
      .filter((asset) => isVisible(asset, caller, now))
      .map((asset) => ({ id: asset.id, type: 'asset', 'repo:name': asset.name, 'dc:format': asset.mimeType }));
    const page = paginate(items, url);
    sendJson(req, res, { id: collection.id, ...page }, { etag: quote(sha1(collection.etag, JSON.stringify(page)).slice(0, 20)), cacheControl: 'private, no-cache' });
  });
}
