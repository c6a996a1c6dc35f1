import type { IncomingMessage } from 'node:http';
import { sha1 } from '../catalog/assetId.ts';
import type { CollectionRecord } from '../catalog/catalog.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { COLLECTION_ID } from '../collections/collectionRequests.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { requireExperimental } from '../http/experimental.ts';
import { badRequest } from '../http/problem.ts';
import { sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { authorize, quote } from './assetLookup.ts';
import { collectionWriteRoutes } from './collectionWriteRoutes.ts';
import { paginate } from './paginate.ts';

export function describeCollection(collection: CollectionRecord) {
  return {
    id: collection.id,
    repositoryMetadata: { 'repo:createDate': collection.createDate, 'repo:modifyDate': collection.modifyDate },
    collectionMetadata: { title: collection.title, description: collection.description },
  };
}

export function checkCollectionId(id: string): void {
  if (!COLLECTION_ID.test(id)) throw badRequest('collectionId', `"${id.slice(0, 80)}" is not a collection id; expected urn:cid:aem:<uuid>`);
}

/**
 * Collections: reads here, writes in collectionWriteRoutes.ts. Item lists show only the assets
 * this caller may see now, so neither the list nor its length reveals a hidden asset. Under
 * `--require-auth` dm-openapi.txt asks for a bearer token to GET any of them, but lists the HEAD
 * requests of one collection and of its items as "None or Bearer"; the GETs of one collection and
 * of its items are experimental (`X-Adobe-Accept-Experimental: 1`), their HEADs are not.
 */
export function collectionRoutes(router: Router, ctx: EmulatorContext): void {
  const find = (req: IncomingMessage, id: string) => {
    const caller = authorize(ctx, req, req.method === 'HEAD' ? 'optional' : 'bearer');
    if (req.method !== 'HEAD') requireExperimental(req);
    checkCollectionId(id);
    return { collection: ctx.collections.find(id), caller };
  };

  router.add('GET', /^\/adobe\/assets\/collections$/, ({ req, res, url }) => {
    authorize(ctx, req, 'bearer');
    sendJson(req, res, paginate(ctx.catalog.collections.map(describeCollection), url), { cacheControl: 'no-cache' });
  });

  router.add('GET', /^\/adobe\/assets\/collections\/([^/]+)$/, ({ req, res, params }) => {
    const { collection } = find(req, params[0]!);
    sendJson(req, res, describeCollection(collection), { etag: quote(collection.etag), cacheControl: 'no-cache' });
  });

  router.add('GET', /^\/adobe\/assets\/collections\/([^/]+)\/items$/, ({ req, res, url, params }) => {
    const { collection, caller } = find(req, params[0]!);
    const now = Date.now();
    const items = collection.items.flatMap((id): Array<Record<string, unknown>> => {
      if (id.startsWith('urn:cid:')) {
        const member = ctx.catalog.collections.find((c) => c.id === id);
        return member ? [{ id, type: 'collection', collectionMetadata: { title: member.title, description: member.description } }] : [];
      }
      const asset = ctx.catalog.byId.get(id);
      return asset && isVisible(asset, caller, now) ? [{ id, type: 'asset', 'repo:name': asset.name, 'dc:format': asset.mimeType }] : [];
    });
    const page = paginate(items, url);
    // `self`: the collection these are the items of, as the spec's sample has it beside `items`.
    const body = { ...(page.cursor ? { cursor: page.cursor } : {}), self: [{ id: collection.id, type: 'collection' }], items: page.items };
    sendJson(req, res, body, { etag: quote(sha1(collection.etag, JSON.stringify(page)).slice(0, 20)), cacheControl: 'private, no-cache' });
  });

  collectionWriteRoutes(router, ctx);
}
