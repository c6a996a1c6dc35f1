import type { IncomingMessage, ServerResponse } from 'node:http';
import { canWrite, identifyCaller, type Caller } from '../auth/caller.ts';
import type { JobStatus } from '../collections/collectionJobs.ts';
import { parseCreate, parseItemOperations, parsePatch } from '../collections/collectionRequests.ts';
import { checkIfMatch } from '../collections/collectionService.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { requireExperimental } from '../http/experimental.ts';
import { notFound, ProblemError } from '../http/problem.ts';
import { readJson, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { quote } from './assetLookup.ts';
import { checkCollectionId, describeCollection } from './collectionRoutes.ts';
import { originOf } from './sirenEntities.ts';

const BASE = '/adobe/assets/collections';

/** Writes need a bearer token with a role that may write (contributor, editor), with or without `--require-auth`. */
function writer(req: IncomingMessage): Caller {
  const caller = identifyCaller(req, 'bearer');
  if (!canWrite(caller)) {
    throw new ProblemError(403, 'Authorization: this token may not change collections (use a token with the contributor or editor role, e.g. dev-token-editor)', 'Authorization');
  }
  return caller;
}

/** The long-running form: 202, `Location` of the job's status and `Retry-After` in seconds. */
function accepted(req: IncomingMessage, res: ServerResponse, jobId: string, status: JobStatus): void {
  res.setHeader('Location', `${originOf(req)}${BASE}/jobs/${jobId}/status`);
  res.setHeader('Retry-After', '1');
  sendJson(req, res, status, { cacheControl: 'no-store' }, 202);
}

function noContent(res: ServerResponse, etag?: string): void {
  res.writeHead(204, { 'Cache-Control': 'no-store', ...(etag ? { ETag: quote(etag) } : {}) });
  res.end();
}

/**
 * `POST /collections`, `POST` (metadata) and `DELETE /collections/{id}`, `POST /collections/{id}/items`
 * and `GET /collections/jobs/{jobId}/status`. A write that touches more than
 * `limits.collectionAsyncItems` items (a create with that many, a delete of a collection that
 * holds that many, an items update of that many operations) takes the spec's long-running form:
 * 202 with the job's status URL in `Location` and `Retry-After`; smaller ones answer at once.
 */
export function collectionWriteRoutes(router: Router, ctx: EmulatorContext): void {
  const { collections, collectionJobs: jobs, limits } = ctx;
  const big = (count: number) => count > limits.collectionAsyncItems;

  router.add('POST', /^\/adobe\/assets\/collections$/, async ({ req, res }) => {
    writer(req);
    const input = parseCreate(await readJson(req, 'a collection { "title", "description", "items" }'), limits.collectionMaxItems);
    if (big(input.items.length)) {
      const id = jobs.start('aem.assets.collections.createCollection', () => {
        const created = collections.create(input, input.items);
        return { description: 'Collection created successfully', data: { collectionId: created.id, etag: quote(created.etag) } };
      });
      return accepted(req, res, id, jobs.get(id)!);
    }
    const created = collections.create(input, input.items);
    res.setHeader('Location', `${originOf(req)}${BASE}/${created.id}`);
    sendJson(req, res, describeCollection(created), { etag: quote(created.etag), cacheControl: 'no-store' }, 201);
  });

  router.add('POST', /^\/adobe\/assets\/collections\/([^/]+)$/, async ({ req, res, params }) => {
    writer(req);
    checkCollectionId(params[0]!);
    const collection = collections.find(params[0]!);
    checkIfMatch(req, collection);
    const type = req.headers['content-type'] ?? '';
    if (type && !/^application\/(json-patch\+json|json)\b/i.test(type)) {
      throw new ProblemError(415, `Content-Type: expected application/json-patch+json, got ${type.slice(0, 60)}`, 'Content-Type', { 'Accept-Patch': 'application/json-patch+json' });
    }
    const fields = parsePatch(await readJson(req, 'the new title and/or description'));
    // Checked again after the body arrived: another write may have landed meanwhile.
    checkIfMatch(req, collections.find(collection.id));
    noContent(res, collections.update(collection.id, fields).etag);
  });

  router.add('DELETE', /^\/adobe\/assets\/collections\/([^/]+)$/, ({ req, res, params }) => {
    writer(req);
    checkCollectionId(params[0]!);
    const collection = collections.find(params[0]!);
    checkIfMatch(req, collection);
    if (big(collection.items.length)) {
      const id = jobs.start('aem.assets.collections.deleteCollection', () => {
        collections.delete(collection.id);
        return { description: 'Collection deleted successfully', data: { collectionId: collection.id } };
      });
      return accepted(req, res, id, jobs.get(id)!);
    }
    collections.delete(collection.id);
    noContent(res);
  });

  router.add('POST', /^\/adobe\/assets\/collections\/([^/]+)\/items$/, async ({ req, res, params }) => {
    writer(req);
    checkCollectionId(params[0]!);
    const collection = collections.find(params[0]!);
    checkIfMatch(req, collection);
    const operations = parseItemOperations(await readJson(req, 'an array of { "op", "id", "type" }'), limits.collectionMaxItems);
    checkIfMatch(req, collections.find(collection.id));
    collections.checkOperations(collection.id, operations);
    if (big(operations.length)) {
      const id = jobs.start('aem.assets.collections.updateCollectionItems', () => {
        const outcome = collections.applyOperations(collection.id, operations);
        return { description: 'Collection items updated successfully', data: { collectionId: collection.id, added: outcome.added, removed: outcome.removed, etag: quote(outcome.collection.etag) }, warnings: outcome.warnings };
      });
      return accepted(req, res, id, jobs.get(id)!);
    }
    noContent(res, collections.applyOperations(collection.id, operations).collection.etag);
  });

  router.add('GET', /^\/adobe\/assets\/collections\/jobs\/([^/]+)\/status$/, ({ req, res, params }) => {
    // dm-openapi.txt: "Bearer", and experimental.
    identifyCaller(req, ctx.requireAuth ? 'bearer' : 'optional');
    requireExperimental(req);
    const status = jobs.get(params[0]!);
    if (!status) throw notFound(`jobId: no job ${params[0]!.slice(0, 80)}`, 'jobId');
    if (status.status === 202) res.setHeader('Retry-After', '1');
    sendJson(req, res, status, { cacheControl: 'no-store' });
  });
}
