import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: { limit: number; kind: 'max' | 'min' };
  note?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The real emulator CLI in its own process, so the load generator does not share its event loop.
 * Each gets its own store and cache folder in a temporary folder (removed by `stop`), never the
 * project's `.data/` or `.cache/`, so every one starts cold. Thumbnail pre-warming is off unless
 * `prewarm`; then it resolves once the emulator says its thumbnails are warm.
 */
export async function spawnEmulator(args: string[], { prewarm = false }: { prewarm?: boolean } = {}): Promise<{ url: string; child: ChildProcess; dataDir: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-emulator-'));
  const own = [...(args.includes('--cache-dir') ? [] : ['--cache-dir', join(dataDir, 'cache')]), ...(prewarm ? [] : ['--no-prewarm'])];
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../demo/emulator/cli.ts'), '--port', '0', '--quiet', '--data', dataDir, ...own, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/\S+?)\/?\s/.exec(out);
      if (match && (!prewarm || /Thumbnails pre-warmed/.test(out))) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`emulator exited with ${code}: ${out}`)));
  });
  return {
    url,
    child,
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }).then(() => rm(dataDir, { recursive: true, force: true })),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request over a keep-alive agent; resolves with status and body length. */
export function httpRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<{ status: number; bytes: number; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, bytes: body.length, body });
      });
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

