import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
 * `prewarm`; then it resolves once the emulator says its thumbnails are warm. `besideBrowser`: it
 * serves a Chromium on the same cores and stands in for a server with CPUs of its own
 * (prioritizeAsServer).
 */
export async function spawnEmulator(
  args: string[],
  { prewarm = false, besideBrowser = false }: { prewarm?: boolean; besideBrowser?: boolean } = {},
): Promise<{ url: string; child: ChildProcess; dataDir: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-emulator-'));
  const own = [...(args.includes('--cache-dir') ? [] : ['--cache-dir', join(dataDir, 'cache')]), ...(prewarm ? [] : ['--no-prewarm'])];
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../demo/emulator/cli.ts'), '--port', '0', '--quiet', '--data', dataDir, ...own, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (besideBrowser) prioritizeAsServer(child);
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

/** How the last emulator started `besideBrowser` was scheduled, for the report (emulatorScheduling). */
let scheduling: string | undefined;

/**
 * On this machine the emulator shares two cores with the Chromium it serves, and a starting
 * Chromium keeps both busy: its answers, ready in a few milliseconds, waited 100–400 ms on the run
 * queue in about half the cold starts (the event loop's run delay in /proc/<pid>/schedstat), and
 * the thumbnails with them. `nice` did not help: Playwright starts Chromium in a session of its
 * own, and Linux's autogroup scheduling shares the CPU between sessions before nice values count.
 * A server a browser talks to has CPUs of its own. So the emulator's main thread, which answers
 * every request (20–40 ms of CPU over a cold mount), runs under SCHED_FIFO and takes a core the
 * moment a request arrives; `--reset-on-fork` keeps the threads and processes it starts at the
 * normal priority, so its thumbnail renders (sharp's threads, ffmpeg) still share the cores with
 * Chromium as before. Needs root or CAP_SYS_NICE and util-linux's `chrt`; without them the
 * emulator runs as before and the report says so. `BENCH_EMULATOR_PRIORITY=normal` leaves it at
 * the normal priority, to compare.
 */
function prioritizeAsServer(child: ChildProcess): void {
  if (process.env.BENCH_EMULATOR_PRIORITY === 'normal') {
    scheduling = 'at the normal priority (BENCH_EMULATOR_PRIORITY=normal)';
    return;
  }
  try {
    execFileSync('chrt', ['--reset-on-fork', '--fifo', '--pid', '1', String(child.pid)], { stdio: 'pipe' });
    scheduling = 'its main thread (the one that answers requests) under SCHED_FIFO, its renders at the normal priority';
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim();
    scheduling = `at the normal priority (SCHED_FIFO for its main thread not applied: ${said || (error as Error).message})`;
  }
}

/** How the last emulator started `besideBrowser` was scheduled; undefined before the first. */
export function emulatorScheduling(): string | undefined {
  return scheduling;
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

