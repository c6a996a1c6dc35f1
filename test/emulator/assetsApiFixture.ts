import sharp from 'sharp';
import { expect } from 'vitest';
import type { TestEmulator } from './emulatorFixture.ts';

export const EDITOR = { Authorization: 'Bearer dev-token-editor' };
export const CONTRIBUTOR = { Authorization: 'Bearer dev-token-contributor' };
export const READER = { Authorization: 'Bearer dev-token' };

/** A real image of the given size and colour, encoded as asked. */
export async function makeImage(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg', colour = '#3a7'): Promise<Bytes> {
  return bytes(await sharp({ create: { width, height, channels: 3, background: colour } }).toFormat(format).toBuffer());
}

/** What fetch and Blob take as bytes. */
export type Bytes = Uint8Array<ArrayBuffer>;
export const bytes = (data: Uint8Array): Bytes => new Uint8Array(data);

/** The answer is problem+json with this status, and its detail starts with the parameter. */
export async function expectProblem(response: Response, status: number, parameter: string, detail?: RegExp) {
  const body = await response.json();
  expect({ status: response.status, type: response.headers.get('content-type'), parameter: body.parameter }).toEqual({ status, type: 'application/problem+json', parameter });
  expect(body.detail.startsWith(`${parameter}: `)).toBe(true);
  if (detail) expect(body.detail).toMatch(detail);
  return body as { detail: string; parameter: string; status: number };
}

/** Thin client for the Assets HTTP API of a test emulator. */
export function assetsApi(e: TestEmulator, auth: Record<string, string> = EDITOR) {
  const api = (path: string, init: RequestInit = {}) => e.fetch(`/api/assets${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  return {
    api,
    createFolder: (path: string, title?: string) =>
      api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ class: 'assetFolder', properties: title ? { 'jcr:title': title } : {} }) }),
    upload: (path: string, bytes: Bytes, type = 'image/jpeg') => api(path, { method: 'POST', headers: { 'Content-Type': type }, body: bytes }),
    uploadForm: (folder: string, name: string | undefined, bytes: Bytes, type = 'image/jpeg', fields: Record<string, string> = {}) => {
      const form = new FormData();
      if (name !== undefined) form.set('name', name);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set('file', new Blob([bytes], { type }), name ?? 'upload.bin');
      return api(`${folder}/*`, { method: 'POST', body: form });
    },
    setProperties: (path: string, properties: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ class: 'asset', properties }) }),
    json: async (path: string) => {
      const response = await api(path);
      expect(response.status, `GET /api/assets${path}`).toBe(200);
      return response.json() as Promise<{ class: string[]; properties: Record<string, any>; entities?: any[]; links: Array<{ rel: string[]; href: string }> }>;
    },
  };
}

/** Names in a search's results. */
export async function searchNames(e: TestEmulator, query: unknown[], headers: Record<string, string> = {}): Promise<string[]> {
  const response = await e.search({ query, limit: 50 }, headers);
  expect(response.status).toBe(200);
  const body = await response.json();
  return body.hits.results.map((r: { repositoryMetadata: Record<string, unknown> }) => r.repositoryMetadata['repo:name']);
}
