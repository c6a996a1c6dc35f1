import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { TooLargeError, type BinaryStore, type ReceivedBinary } from '../store/binaryStore.ts';
import { badRequest, ProblemError } from '../http/problem.ts';
import { normalizeType } from './contentCheck.ts';

/** A file received from a request body into the store's temporary folder. */
export interface UploadedFile {
  received: ReceivedBinary;
  /** Normalised Content-Type the client gave ('' for none or octet-stream). */
  declaredType: string;
  /** The multipart part's file name, if any. */
  filename?: string;
  /** What a wrong type is named after: `Content-Type` for a raw body, `file` for a form's part. */
  typeParameter: 'Content-Type' | 'file';
}

/** A form: its text fields, and its `file` part if it had one. */
export interface UploadForm {
  fields: Map<string, string>;
  file?: UploadedFile;
}

const MAX_FIELDS = 64;
const MAX_FIELD_BYTES = 64 * 1024;
/** Form bodies without a file (a folder's name and title) are small. */
const MAX_FORM_BYTES = 256 * 1024;

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, `file: larger than the upload limit of ${formatBytes(limit)} (see --max-upload)`, 'file');
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** A 413 before reading anything when `Content-Length` already says the body is too large. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + MAX_FORM_BYTES) throw tooLarge(limit);
}

/** The raw body (`POST` or `PUT` with the file's own Content-Type), streamed to disk. */
export async function readRawUpload(req: IncomingMessage, binaries: BinaryStore, limit: number): Promise<UploadedFile> {
  checkDeclaredLength(req, limit);
  try {
    const received = await binaries.receive(req, limit);
    if (received.size === 0) {
      await binaries.discard(received);
      throw badRequest('file', 'the body is empty; send the file as the body, or as the "file" field of a multipart form');
    }
    return { received, declaredType: normalizeType(req.headers['content-type']), typeParameter: 'Content-Type' };
  } catch (error) {
    if (error instanceof TooLargeError) throw tooLarge(limit);
    throw error;
  }
}

/**
 * A `multipart/form-data` or `application/x-www-form-urlencoded` body, parsed by busboy as it
 * arrives: text fields are bounded (64 fields of 64 KiB), the one `file` part streams to disk
 * under `limit`. Anything else is a 400 or 413 naming the part, and nothing is left behind.
 */
export function readForm(req: IncomingMessage, binaries: BinaryStore, limit: number): Promise<UploadForm> {
  checkDeclaredLength(req, limit);
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let file: Promise<UploadedFile> | undefined;
    let settled = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: limit + 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
      });
    } catch (error) {
      reject(badRequest('Content-Type', `not a form body: ${(error as Error).message}`));
      return;
    }
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      // A file already on its way to disk is dropped once it settles.
      void file?.then((f) => binaries.discard(f.received), () => undefined);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(badRequest(name, `longer than ${MAX_FIELD_BYTES / 1024} KiB`));
      fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return fail(badRequest(name, 'the only file field is "file"'));
      }
      file = binaries.receive(stream, limit).then(
        (received): UploadedFile => ({ received, declaredType: normalizeType(info.mimeType), ...(info.filename ? { filename: info.filename } : {}), typeParameter: 'file' }),
        (error: unknown) => {
          throw error instanceof TooLargeError ? tooLarge(limit) : error;
        },
      );
      file.catch(fail);
    });
    parser.on('filesLimit', () => fail(badRequest('file', 'send one file per request')));
    parser.on('fieldsLimit', () => fail(badRequest('body', `at most ${MAX_FIELDS} fields`)));
    parser.on('partsLimit', () => fail(badRequest('body', `at most ${MAX_FIELDS + 1} parts`)));
    parser.on('error', (error: Error) => fail(badRequest('body', `malformed form: ${error.message}`)));
    parser.on('close', () => {
      if (settled) return;
      if (!file) {
        settled = true;
        resolve({ fields });
        return;
      }
      file.then(
        (uploaded) => {
          if (settled) return void binaries.discard(uploaded.received);
          settled = true;
          resolve({ fields, file: uploaded });
        },
        fail,
      );
    });
    req.on('aborted', () => fail(new ProblemError(400, 'body: the client went away mid-upload', 'body')));
    req.pipe(parser);
  });
}

/** Whether the request's body is a form busboy parses. */
export function isForm(req: IncomingMessage): boolean {
  const type = normalizeType(req.headers['content-type']);
  return type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded';
}

export { MAX_FORM_BYTES };
