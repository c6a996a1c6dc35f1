import { spawn } from 'node:child_process';

export interface ToolRun {
  /** The executable: a path resolved at start-up ({@link findTool}), never anything from a request. */
  command: string;
  /** Passed as an array, never through a shell, so no value is ever interpreted. */
  args: readonly string[];
  /** Bytes written to stdin (a PDF); without it stdin is closed. */
  input?: Buffer;
  /** The process is killed (SIGKILL) when it runs longer. */
  timeoutMs: number;
  /** The process is killed when stdout grows past this: a frame or a page has a known upper size. */
  maxOutputBytes?: number;
  cwd?: string;
}

export interface ToolResult {
  /** Exit code; a non-zero one is the caller's to judge (a probe with `ffmpeg -i` always exits 1). */
  code: number;
  stdout: Buffer;
  /** The first 256 KiB of stderr: enough for a probe's stream list, bounded for a chatty tool. */
  stderr: string;
}

export type ToolFailureKind = 'timeout' | 'output' | 'spawn';

/** A run that did not finish on its own: killed for time or output, or never started. */
export class ToolFailure extends Error {
  readonly kind: ToolFailureKind;

  constructor(kind: ToolFailureKind, message: string) {
    super(message);
    this.name = 'ToolFailure';
    this.kind = kind;
  }
}

const MAX_STDERR = 256 * 1024;

/**
 * Runs a media tool to completion with bounded time and output. The child is killed on timeout
 * or runaway output, so a hostile or broken file costs at most `timeoutMs` of one process.
 */
export function runTool(run: ToolRun): Promise<ToolResult> {
  return new Promise((done, fail) => {
    const child = spawn(run.command, run.args, {
      cwd: run.cwd,
      shell: false,
      windowsHide: true,
      stdio: [run.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let failure: ToolFailure | undefined;
    const kill = (reason: ToolFailure) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(new ToolFailure('timeout', `took longer than ${formatSeconds(run.timeoutMs)} and was stopped`)), run.timeoutMs);

    child.stdout!.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (run.maxOutputBytes !== undefined && outBytes > run.maxOutputBytes) kill(new ToolFailure('output', `wrote more than ${run.maxOutputBytes} bytes and was stopped`));
      else out.push(chunk);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.slice(0, MAX_STDERR - stderr.length);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(new ToolFailure('spawn', `could not start ${run.command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) fail(failure);
      else done({ code: code ?? -1, stdout: Buffer.concat(out), stderr });
    });
    if (run.input && child.stdin) {
      // A tool that exits before reading all of its input closes the pipe; its exit code tells why.
      child.stdin.on('error', () => {});
      child.stdin.end(run.input);
    }
  });
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The last non-empty line of a tool's stderr, for an error message. */
export function lastLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}
