import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Caller } from '../auth/caller.ts';
import { ProblemError } from '../http/problem.ts';
import type { EmulatorLimits } from '../limits.ts';
import type { Repository } from '../repository/repository.ts';
import { isVisible } from '../catalog/isVisible.ts';
import { planArchive, splitEntries, type ArchiveWarning, type PlannedEntry } from './archivePlan.ts';
import type { ArchiveRequest } from './archiveRequest.ts';
import { ArchiveTokens } from './archiveToken.ts';
import { writeZip } from './writeZip.ts';

export interface ArchiveFile {
  name: string;
  size: number;
  entries: number;
}

export interface Archive {
  id: string;
  format: 'zip';
  status: 'PROCESSING' | 'COMPLETED' | 'FAILED';
  submittedBy: string;
  submittedDate: string;
  /** Who may poll it: the roles it was built for (a token with other roles saw other assets). */
  owner: string;
  files: ArchiveFile[];
  warnings: ArchiveWarning[];
  error?: string;
  expiresAt: number;
  dir: string;
}

/** Archives kept (finished or not); the oldest go first, files and all. */
const KEPT_ARCHIVES = 200;

export const ownerKey = (caller: Caller) => (caller.authenticated ? `token:${[...caller.roles].sort().join(',')}` : 'anonymous');

/**
 * Archive jobs: plan (which files, for this caller), check the size cap, then build the zip file(s)
 * in `<data>/archives/<id>/` in the background. At most `limits.archiveJobs` build at once; an
 * archive and its files are removed when it expires (`limits.archiveTtlMs`), and all at start.
 */
export class ArchiveService {
  readonly tokens = new ArchiveTokens();
  readonly #archives = new Map<string, Archive>();
  readonly #repository: Repository;
  readonly #limits: EmulatorLimits;
  readonly #root: string;
  #building = 0;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #abort = new AbortController();

  private constructor(repository: Repository, limits: EmulatorLimits, root: string) {
    this.#repository = repository;
    this.#limits = limits;
    this.#root = root;
  }

  /** Removes what a previous run left: its tokens died with its secret. */
  static async open(repository: Repository, limits: EmulatorLimits, dataDir: string): Promise<ArchiveService> {
    const root = join(dataDir, 'archives');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    return new ArchiveService(repository, limits, root);
  }

  get(id: string): Archive | undefined {
    return this.#archives.get(id);
  }

  /** Starts an archive; throws 400 over the size cap (naming it) and 429 when enough are building. */
  submit(request: ArchiveRequest, caller: Caller, submittedBy: string): Archive {
    if (this.#building >= this.#limits.archiveJobs) {
      throw new ProblemError(429, `items: ${this.#building} archives are being built, the most at once; retry shortly`, 'items', { 'Retry-After': '2' });
    }
    const plan = planArchive(request.items, this.#repository, caller);
    if (plan.bytes > this.#limits.archiveMaxBytes) {
      throw new ProblemError(400, `items: the archive would hold ${plan.bytes} bytes, over the cap of ${this.#limits.archiveMaxBytes} bytes per archive; ask for fewer assets or renditions`, 'items');
    }
    const id = randomUUID();
    const archive: Archive = {
      id,
      format: 'zip',
      status: 'PROCESSING',
      submittedBy,
      submittedDate: new Date().toISOString(),
      owner: ownerKey(caller),
      files: [],
      warnings: plan.warnings,
      expiresAt: Date.now() + this.#limits.archiveTtlMs,
      dir: join(this.#root, id),
    };
    this.#evictOldest();
    this.#archives.set(id, archive);
    this.#building++;
    const parts = splitEntries(plan.entries, this.#limits.archiveSplitBytes);
    const stillAllowed = (entry: PlannedEntry) => {
      const current = this.#repository.byId.get(entry.assetId);
      return current !== undefined && isVisible(current, caller) && (entry.path === current.file || entry.name.startsWith('renditions/'));
    };
    void this.#build(archive, parts, request.namePrefix, stillAllowed).finally(() => this.#building--);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#remove(id);
    }, this.#limits.archiveTtlMs);
    timer.unref();
    this.#timers.add(timer);
    return archive;
  }

  /** The file's path on disk, if the archive is complete and holds it. */
  fileOf(id: string, name: string): { path: string; size: number } | undefined {
    const archive = this.#archives.get(id);
    if (!archive || archive.status !== 'COMPLETED' || archive.expiresAt <= Date.now()) return undefined;
    const file = archive.files.find((f) => f.name === name);
    return file ? { path: join(archive.dir, file.name), size: file.size } : undefined;
  }

  close(): void {
    this.#abort.abort();
    for (const timer of this.#timers) clearTimeout(timer);
  }

  async #build(archive: Archive, parts: ReturnType<typeof splitEntries>, prefix: string, stillAllowed: (entry: PlannedEntry) => boolean): Promise<void> {
    try {
      await mkdir(archive.dir, { recursive: true });
      for (const [i, entries] of parts.entries()) {
        const name = parts.length === 1 ? `${prefix}.zip` : `${prefix}-${i + 1}-of-${parts.length}.zip`;
        const size = await writeZip(entries, join(archive.dir, name), stillAllowed, this.#abort.signal);
        archive.files.push({ name, size, entries: entries.length });
      }
      // An archive of only warnings is still complete: an empty zip, as the spec lets invalid items be warnings.
      if (parts.length === 0) {
        const name = `${prefix}.zip`;
        archive.files.push({ name, size: await writeZip([], join(archive.dir, name), stillAllowed, this.#abort.signal), entries: 0 });
      }
      archive.status = 'COMPLETED';
    } catch (error) {
      archive.status = 'FAILED';
      archive.files = [];
      const code = (error as NodeJS.ErrnoException).code;
      archive.error = code === 'ENOENT' || code === 'ECHANGED' ? 'an asset was changed or deleted while the archive was built; request it again' : 'the archive could not be written';
      if (!this.#abort.signal.aborted && code !== 'ECHANGED') console.error('emulator: archive failed', archive.id, (error as Error).message);
      await rm(archive.dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  async #remove(id: string): Promise<void> {
    const archive = this.#archives.get(id);
    if (!archive) return;
    this.#archives.delete(id);
    await rm(archive.dir, { recursive: true, force: true }).catch(() => undefined);
  }

  #evictOldest(): void {
    while (this.#archives.size >= KEPT_ARCHIVES) {
      const oldest = [...this.#archives.values()].find((a) => a.status !== 'PROCESSING');
      if (!oldest) return;
      void this.#remove(oldest.id);
    }
  }
}
