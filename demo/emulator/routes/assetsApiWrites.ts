import type { IncomingMessage, ServerResponse } from 'node:http';
import { canApprove, canWrite, identifyCaller, type Caller } from '../auth/caller.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { badRequest, notFound, ProblemError } from '../http/problem.ts';
import { readJson, sendJson } from '../http/respond.ts';
import { applyProperties, type PropertyUpdate, type Visibility } from '../repository/assetProperties.ts';
import { checkDeclaredType, measureBinary } from '../repository/contentCheck.ts';
import { apiHref, checkName, parseDestination } from '../repository/damPath.ts';
import { visibilityOf } from '../repository/storedAsset.ts';
import { copyTo, deleteAt, moveTo, type TransferOptions } from '../repository/treeOperations.ts';
import { isForm, readForm, readRawUpload, type UploadedFile } from '../repository/uploadBody.ts';
import { quote } from './assetLookup.ts';
import { canSee, resolveTarget, segmentsOf, type ApiTarget } from './assetsApiRoutes.ts';
import { assetEntity, folderEntity, originOf } from './sirenEntities.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const DELIVERY_KEYS = ['dam:assetStatus', 'onTime', 'offTime', 'dam:roles'];
/** Form fields that are not properties. */
const FORM_FIELDS = new Set(['name', 'file', '_charset_']);

/** Writes need a token with a role that may write (`contributor`, `editor`): 401 without one, 403 with another. */
function writer(req: IncomingMessage): Caller {
  const caller = identifyCaller(req, 'bearer');
  if (!canWrite(caller)) throw new ProblemError(403, 'Authorization: this token may not write to the repository (use a token with the contributor or editor role, e.g. dev-token-editor)', 'Authorization');
  return caller;
}

/** A 403 naming the property when a writer who may not approve touches what decides delivery. */
function checkApproval(update: PropertyUpdate, properties: Record<string, unknown>, caller: Caller): void {
  if (!update.touchesDelivery || canApprove(caller)) return;
  const key = Object.keys(properties).find((k) => DELIVERY_KEYS.includes(k)) ?? 'dam:assetStatus';
  throw new ProblemError(403, `${key}: this token may not approve assets or change their delivery (on/off times, roles); that needs the editor role (dev-token-editor)`, key);
}

/** `If-Match` on an asset: a 412 when the client's copy is stale. */
function checkIfMatch(req: IncomingMessage, asset: AssetRecord | undefined): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const current = asset ? quote(asset.etag) : undefined;
  if (!current || !header.split(',').some((tag) => tag.trim() === current)) {
    throw new ProblemError(412, `If-Match: the asset has changed (its ETag is now ${current ?? 'gone'}); reload it and try again`, 'If-Match');
  }
}

function created(req: IncomingMessage, res: ServerResponse, location: string, body: unknown): void {
  res.setHeader('Location', originOf(req) + location);
  sendJson(req, res, body, { cacheControl: 'no-store' }, 201);
}

/** Properties from the query string (the API takes them there too) and from form fields. */
function propertiesFrom(url: URL, fields?: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) if (key.includes(':')) out[key] = value;
  for (const [key, value] of fields ?? []) if (!FORM_FIELDS.has(key)) out[key] = parseFieldValue(key, value);
  return out;
}

/** Form fields are text; the visibility fields take JSON lists and null there too. */
function parseFieldValue(key: string, value: string): unknown {
  if (key === 'dam:roles') return value.trim().startsWith('[') ? safeParse(value, key) : value.split(',').map((r) => r.trim()).filter(Boolean);
  return value;
}

function safeParse(text: string, parameter: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(parameter, 'is not valid JSON');
  }
}

const NEW_ASSET: { assetMetadata: Record<string, unknown>; visibility: Visibility } = { assetMetadata: {}, visibility: { status: 'draft', restrictedTo: [] } };

/** The handlers of POST, PUT, DELETE, COPY and MOVE under `/api/assets`. */
export function assetWriteHandlers(ctx: EmulatorContext): Record<'POST' | 'PUT' | 'DELETE' | 'COPY' | 'MOVE', Handler> {
  const { repository } = ctx;
  const binaries = repository.store.binaries;

  /** Decodes and measures an uploaded file, dropping it when it is not what it claims to be. */
  async function measured(file: UploadedFile) {
    try {
      checkDeclaredType(file.declaredType, file.typeParameter);
      return await measureBinary(file.received.tmpPath, file.declaredType, file.typeParameter);
    } catch (error) {
      await binaries.discard(file.received);
      throw error;
    }
  }

  async function createAsset(req: IncomingMessage, res: ServerResponse, url: URL, path: string | undefined, folder: string, file: UploadedFile, fields: Map<string, string> | undefined, caller: Caller) {
    try {
      const name = path === undefined ? (fields?.get('name') ?? file.filename ?? '') : path.slice(path.lastIndexOf('/') + 1);
      checkName(name, 'name');
      const target = path ?? `${folder}/${name}`;
      repository.checkFree(target);
      const properties = propertiesFrom(url, fields);
      const update = applyProperties(NEW_ASSET, properties, '');
      checkApproval(update, properties, caller);
      const measure = await measured(file);
      const asset = await repository.createAsset({ path: target, received: file.received, measured: measure, assetMetadata: update.assetMetadata, visibility: update.visibility });
      created(req, res, apiHref(target, '.json'), assetEntity(originOf(req), asset, { renditions: [], comments: [] }));
    } catch (error) {
      await binaries.discard(file.received);
      throw error;
    }
  }

  async function createFolder(req: IncomingMessage, res: ServerResponse, url: URL, target: ApiTarget, properties: Record<string, unknown>, formName: string | undefined) {
    const name = target.star ? (formName ?? '') : undefined;
    if (name !== undefined) checkName(name, 'name');
    const path = name !== undefined ? `${target.path}/${name}` : target.path;
    const title = folderTitle(properties);
    const folder = repository.createFolder(path, title);
    created(req, res, apiHref(path, '.json'), folderEntity(originOf(req), folder));
  }

  const POST: Handler = async (req, res, url) => {
    const caller = writer(req);
    const target = resolveTarget(ctx, segmentsOf(url), caller);
    if (target.child?.kind === 'comments') return addComment(req, res, target.asset!);
    if (target.child?.kind === 'renditions') return putRendition(req, res, target, true);
    if (target.star && !target.folder) throw new ProblemError(412, `path: the folder ${target.path} does not exist; create it first`, 'path');
    if (!target.star) repository.checkFree(target.path);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (isForm(req)) {
      const form = await readForm(req, binaries, ctx.uploadLimit);
      if (form.file) return createAsset(req, res, url, target.star ? undefined : target.path, target.path, form.file, form.fields, caller);
      return createFolder(req, res, url, target, propertiesFrom(url, form.fields), form.fields.get('name'));
    }
    if (type === 'application/json' || type.endsWith('+json')) {
      const body = await readJson(req, 'a Siren folder ({"class": "assetFolder", "properties": {…}})');
      const { properties, className } = sirenBody(body);
      if (className !== undefined && !/folder/i.test(className)) throw badRequest('class', `POST creates folders from JSON ("assetFolder"); upload an asset as its bytes or as a form, got "${className}"`);
      return createFolder(req, res, url, target, { ...propertiesFrom(url), ...properties }, typeof properties.name === 'string' ? properties.name : undefined);
    }
    if (type === '' && Number(req.headers['content-length'] ?? 0) === 0 && req.headers['transfer-encoding'] === undefined) {
      return createFolder(req, res, url, target, propertiesFrom(url), url.searchParams.get('name') ?? undefined);
    }
    if (target.star) throw badRequest('name', 'with "*" the name comes from a form: send multipart/form-data with "name" and "file"');
    const file = await readRawUpload(req, binaries, ctx.uploadLimit);
    return createAsset(req, res, url, target.path, target.path.slice(0, target.path.lastIndexOf('/')), file, undefined, caller);
  };

  const PUT: Handler = async (req, res, url) => {
    const caller = writer(req);
    const target = resolveTarget(ctx, segmentsOf(url), caller);
    if (target.child?.kind === 'renditions') return putRendition(req, res, target, false);
    if (target.star || target.child) throw badRequest('path', 'PUT names an asset, a folder or a rendition');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const json = type === 'application/json' || type.endsWith('+json');
    if (target.folder) {
      if (!json) throw new ProblemError(415, 'Content-Type: a folder takes JSON properties ({"properties": {"jcr:title": …}})', 'Content-Type');
      const { properties } = sirenBody(await readJson(req, 'a Siren body ({"properties": {…}})'));
      repository.updateFolderTitle(target.path, folderTitle(properties));
      return sendJson(req, res, folderEntity(originOf(req), repository.folder(target.path)!), { cacheControl: 'no-store' });
    }
    const asset = target.asset;
    if (!asset) throw notFound(`path: nothing is at ${target.path}; POST creates`, 'path');
    checkIfMatch(req, asset);
    if (json) {
      const { properties } = sirenBody(await readJson(req, 'a Siren body ({"class": "asset", "properties": {…}})'));
      // The asset as it is now, after the body arrived: an update never undoes one that landed meanwhile.
      const current = repository.byId.get(asset.id);
      if (!current) throw notFound(`path: nothing is at ${target.path}`, 'path');
      checkIfMatch(req, current);
      const update = applyProperties({ assetMetadata: current.assetMetadata, visibility: visibilityOf(current) }, properties);
      checkApproval(update, properties, caller);
      return sendAssetJson(req, res, repository.updateMetadata(current, update.assetMetadata, update.visibility));
    }
    const file = isForm(req) ? (await readForm(req, binaries, ctx.uploadLimit)).file : await readRawUpload(req, binaries, ctx.uploadLimit);
    if (!file) throw badRequest('file', 'the form has no "file" field');
    const measure = await measured(file);
    const next = await repository.replaceBinary(asset, file.received, measure);
    sendAssetJson(req, res, next);
  };

  const DELETE: Handler = async (req, res, url) => {
    const caller = writer(req);
    const target = resolveTarget(ctx, segmentsOf(url), caller);
    if (target.child?.kind === 'renditions' && target.child.name !== undefined) {
      if (target.child.name === 'original') throw new ProblemError(409, 'renditionName: the original cannot be deleted; DELETE the asset, or PUT a new binary', 'renditionName');
      repository.deleteRendition(target.asset!, target.child.name);
    } else {
      if (target.child || target.star) throw badRequest('path', 'DELETE names a folder, an asset or a rendition');
      if (target.asset) checkIfMatch(req, target.asset);
      deleteAt(repository, target.path);
    }
    sendJson(req, res, { class: ['core/response'], properties: { 'status.code': 200, path: target.path } }, { cacheControl: 'no-store' });
  };

  function transfer(kind: 'COPY' | 'MOVE'): Handler {
    return async (req, res, url) => {
      const caller = writer(req);
      const target = resolveTarget(ctx, segmentsOf(url), caller);
      if (target.child || target.star) throw badRequest('path', `${kind} names a folder or an asset`);
      if (req.headers['x-destination'] === undefined) throw new ProblemError(412, 'X-Destination: the header is required (a URL or path under /api/assets)', 'X-Destination');
      const destination = parseDestination(req.headers['x-destination'] as string);
      if (target.asset) checkIfMatch(req, target.asset);
      const options = transferOptions(req);
      const result = kind === 'COPY' ? copyTo(repository, target.path, destination, options) : moveTo(repository, target.path, destination, options);
      const moved = repository.assetAt(destination);
      const folder = moved ? undefined : repository.folder(destination);
      const body = moved ? assetEntity(originOf(req), moved) : folderEntity(originOf(req), folder!);
      if (result.replaced) {
        res.writeHead(204, { 'Cache-Control': 'no-store', Location: originOf(req) + apiHref(destination, '.json') });
        res.end();
        return;
      }
      created(req, res, apiHref(destination, '.json'), body);
    };
  }

  async function putRendition(req: IncomingMessage, res: ServerResponse, target: ApiTarget, create: boolean): Promise<void> {
    const asset = target.asset!;
    let name = target.child!.name;
    if (name === 'original') throw new ProblemError(409, 'renditionName: "original" is the asset\'s binary; PUT to the asset to replace it', 'renditionName');
    let file: UploadedFile | undefined;
    if (isForm(req)) {
      const form = await readForm(req, binaries, ctx.uploadLimit);
      file = form.file;
      if (name === '*' || name === undefined) name = form.fields.get('name') ?? file?.filename;
    } else {
      if (name === '*' || name === undefined) throw badRequest('name', 'with "*" the rendition\'s name comes from a form: send multipart/form-data with "name" and "file"');
      file = await readRawUpload(req, binaries, ctx.uploadLimit);
    }
    if (!file) throw badRequest('file', 'the form has no "file" field');
    try {
      checkName(name ?? '', 'name');
      if (name === 'original') throw new ProblemError(409, 'name: "original" is the asset\'s binary', 'name');
      if (create && repository.renditions(asset.id).some((r) => r.name === name)) throw new ProblemError(409, `name: ${asset.name} already has a rendition "${name}"; PUT replaces it`, 'name');
    } catch (error) {
      await binaries.discard(file.received);
      throw error;
    }
    const measure = await measured(file);
    const { created: isNew } = await repository.putRendition(asset, name!, file.received, measure.mimeType);
    const body = assetEntity(originOf(req), asset, { renditions: repository.renditions(asset.id) });
    if (isNew) created(req, res, `${apiHref(String(asset.repositoryMetadata['repo:path']))}/renditions/${encodeURIComponent(name!)}`, body);
    else sendJson(req, res, body, { cacheControl: 'no-store' });
  }

  async function addComment(req: IncomingMessage, res: ServerResponse, asset: AssetRecord): Promise<void> {
    let fields: Map<string, string>;
    if (isForm(req)) {
      const form = await readForm(req, binaries, 0);
      fields = form.fields;
    } else {
      const body = await readJson(req, 'a comment ({"message": …})');
      if (typeof body !== 'object' || body === null) throw badRequest('body', 'expected {"message": …, "annotationData"?: …}');
      const raw = body as Record<string, unknown>;
      fields = new Map();
      if (typeof raw.message === 'string') fields.set('message', raw.message);
      if (raw.annotationData !== undefined) fields.set('annotationData', typeof raw.annotationData === 'string' ? raw.annotationData : JSON.stringify(raw.annotationData));
    }
    const message = fields.get('message')?.trim();
    if (!message) throw badRequest('message', 'a comment needs a message');
    if (message.length > 4096) throw badRequest('message', 'longer than 4096 characters');
    const annotation = fields.get('annotationData');
    if (annotation !== undefined) safeParse(annotation, 'annotationData');
    const comment = repository.addComment(asset, message, annotation ?? null, 'emulator user');
    const entity = assetEntity(originOf(req), asset, { comments: [comment] });
    created(req, res, `${apiHref(String(asset.repositoryMetadata['repo:path']))}/comments/${comment.id}`, entity.entities![entity.entities!.length - 1]);
  }

  function sendAssetJson(req: IncomingMessage, res: ServerResponse, asset: AssetRecord): void {
    const entity = assetEntity(originOf(req), asset, { renditions: repository.renditions(asset.id), comments: repository.comments(asset.id) });
    sendJson(req, res, entity, { etag: quote(asset.etag), cacheControl: 'no-store' });
  }

  return { POST, PUT, DELETE, COPY: transfer('COPY'), MOVE: transfer('MOVE') };
}

/** `{ "class": "asset" | ["assets/asset"], "properties": {…} }`; `properties` may also be the whole body. */
function sirenBody(body: unknown): { className: string | undefined; properties: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'expected a JSON object {"class": …, "properties": {…}}');
  const raw = body as Record<string, unknown>;
  const className = Array.isArray(raw.class) ? raw.class.map(String).join(' ') : typeof raw.class === 'string' ? raw.class : undefined;
  const properties = raw.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) throw badRequest('properties', 'must be an object');
  return { className, properties: properties as Record<string, unknown> };
}

function folderTitle(properties: Record<string, unknown>): string | null {
  const title = properties['jcr:title'] ?? properties['dc:title'] ?? properties.title;
  if (title === undefined || title === null || title === '') return null;
  if (typeof title !== 'string' || title.length > 1024) throw badRequest('jcr:title', 'must be a string of at most 1024 characters');
  return title;
}

function transferOptions(req: IncomingMessage): TransferOptions {
  const depth = String(req.headers['x-depth'] ?? 'infinity').trim().toLowerCase();
  if (depth !== 'infinity' && depth !== '0') throw badRequest('X-Depth', `must be "infinity" or "0", got "${depth.slice(0, 20)}"`);
  const overwrite = String(req.headers['x-overwrite'] ?? 'T').trim().toUpperCase();
  if (overwrite !== 'T' && overwrite !== 'F') throw badRequest('X-Overwrite', `must be "T" or "F", got "${overwrite.slice(0, 20)}"`);
  return { shallow: depth === '0', overwrite: overwrite === 'T' };
}

export { canSee };
