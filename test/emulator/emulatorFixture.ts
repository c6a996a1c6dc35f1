import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import sharp from 'sharp';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../demo/emulator/server.ts';

/** A real emulator on a free port, with its own smart-crop cache folder. */
export async function startTestEmulator(options: EmulatorOptions = {}) {
  const cacheDir = await mkdtemp(join(tmpdir(), 'emulator-test-'));
  const emulator: Emulator = await startEmulator({ port: 0, cacheDir, ...options });
  const ids = new Map(emulator.context.catalog.assets.map((a) => [a.name, a.id]));
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`no asset ${name}`);
    return id;
  };
  return {
    emulator,
    url: emulator.url,
    idOf,
    fetch: (path: string, init?: RequestInit) => fetch(`${emulator.url}${path}`, init),
    /** A GET whose path is sent exactly as written: fetch() would normalise `..` away first. */
    rawGet: (path: string) =>
      new Promise<Response>((done, fail) => {
        const req = request(`${emulator.url}/`, { path }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(new Response(res.statusCode === 304 ? null : Buffer.concat(chunks), { status: res.statusCode, headers: res.headers as Record<string, string> })));
        });
        req.on('error', fail);
        req.end();
      }),
    search: (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    async close() {
      await emulator.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** The real pixel size and format of a delivered image, read back with sharp. */
export async function imageInfo(response: Response) {
  const data = Buffer.from(await response.arrayBuffer());
  const meta = await sharp(data).metadata();
  return { width: meta.width, height: meta.height, format: meta.format, data };
}

export function magic(data: Buffer): 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'unknown' {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.subarray(0, 4).toString('hex') === '89504e47') return 'png';
  if (data.subarray(0, 4).toString() === 'RIFF' && data.subarray(8, 12).toString() === 'WEBP') return 'webp';
  if (data.subarray(4, 12).toString() === 'ftypavif') return 'avif';
  if (data.subarray(0, 4).toString() === 'GIF8') return 'gif';
  return 'unknown';
}
