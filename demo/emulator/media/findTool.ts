import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { runTool } from './runTool.ts';

export interface ToolSpec {
  /** Executable name on PATH, also the name used in messages: `ffmpeg`, `pdftoppm`. */
  name: string;
  /** Environment variable that names the executable, and then is the only place looked at. */
  envVar: string;
  /** Arguments that make it print its version and exit. */
  versionArgs: string[];
  /** Captures the version from stdout + stderr. */
  versionPattern: RegExp;
  /** An npm package that ships the binary and exports `{ path }`, tried last if it is installed. */
  npmPackage?: string;
  /** What to tell a person who lacks it. */
  installHint: string;
}

export interface FoundTool {
  name: string;
  path: string;
  version: string;
  /** Where it was found: the variable, PATH or the npm package. */
  source: string;
}

export interface MissingTool {
  name: string;
  /** Why it is missing and how to get it, one sentence. */
  missing: string;
}

export type ToolStatus = FoundTool | MissingTool;

export const isFound = (tool: ToolStatus): tool is FoundTool => 'path' in tool;

export const FFMPEG: ToolSpec = {
  name: 'ffmpeg',
  envVar: 'FFMPEG_PATH',
  versionArgs: ['-hide_banner', '-version'],
  versionPattern: /ffmpeg version (\S+)/,
  npmPackage: '@ffmpeg-installer/ffmpeg',
  installHint: "install Debian's ffmpeg (apt-get install ffmpeg), or set FFMPEG_PATH",
};

export const PDFTOPPM: ToolSpec = {
  name: 'pdftoppm',
  envVar: 'PDFTOPPM_PATH',
  versionArgs: ['-v'],
  versionPattern: /pdftoppm version (\S+)/,
  installHint: "install Debian's poppler-utils (apt-get install poppler-utils), or set PDFTOPPM_PATH",
};

const isExecutable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    // An empty or relative PATH entry means "the current directory": never trusted here.
    if (!dir || !isAbsolute(dir)) continue;
    for (const file of names) if (await isExecutable(join(dir, file))) return join(dir, file);
  }
  return undefined;
}

function fromNpmPackage(name: string): string | undefined {
  try {
    const found = createRequire(import.meta.url)(name) as { path?: unknown };
    return typeof found.path === 'string' ? found.path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a media tool: the path in its variable (and only there, when the variable is set: a path
 * someone typed wrong should be reported, not quietly replaced), then PATH, then the npm package
 * that ships it, if installed. The candidate must run and print its version within 10 s.
 */
export async function findTool(spec: ToolSpec, env: NodeJS.ProcessEnv = process.env): Promise<ToolStatus> {
  const missing = (why: string): MissingTool => ({ name: spec.name, missing: `${why}; ${spec.installHint}` });
  const configured = env[spec.envVar];
  let path: string | undefined;
  let source: string;
  if (configured) {
    path = resolve(configured);
    source = spec.envVar;
    if (!(await isExecutable(path))) return missing(`${spec.envVar}=${configured} is not an executable file`);
  } else {
    path = await onPath(spec.name, env);
    source = 'PATH';
    if (!path && spec.npmPackage) {
      path = fromNpmPackage(spec.npmPackage);
      source = spec.npmPackage;
    }
    if (!path) return missing(`not found on PATH${spec.npmPackage ? ` nor as the npm package ${spec.npmPackage}` : ''}`);
  }
  try {
    const { stdout, stderr } = await runTool({ command: path, args: spec.versionArgs, timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 });
    const version = spec.versionPattern.exec(stdout.toString('utf8') + stderr)?.[1];
    if (!version) return missing(`${path} did not print a ${spec.name} version`);
    return { name: spec.name, path, version, source };
  } catch (error) {
    return missing(`${path} did not run (${(error as Error).message})`);
  }
}
