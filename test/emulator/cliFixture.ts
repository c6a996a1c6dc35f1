import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../demo/emulator/cli.ts');

export interface RunningCli {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr: () => string;
  /** SIGTERM, as a user stops it. */
  stop: () => Promise<void>;
}

/** The real CLI in its own process on a store folder (`--data`), with its cache beside the folder. */
export async function launchCli(data: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunningCli> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--quiet', '--data', data, '--cache-dir', join(data, '..', 'cache'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Open (http:\/\/\S+?)\/?\s/.exec(out);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`emulator exited with ${code}: ${out}${err}`)));
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { url, pid: child.pid!, child, stderr: () => err, stop };
}
