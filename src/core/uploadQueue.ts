import type { TokenSource } from './options.ts';
import type { TaskLimit } from './taskLimit.ts';
import { classifyUploadFailure, type UploadFailure } from './uploadFailure.ts';
import { alternativeName, assetNameFor } from './uploadNames.ts';
import { APPROVE_BODY, assetsApiUrl, folderChain, FOLDER_BODY, readUploadedAsset, uploadContentType, type UploadedAsset } from './uploadRequests.ts';
import { xhrTransport, type UploadCall, type UploadTransport } from './uploadTransport.ts';

/**
 * Where a file is:
 * - `queued`: waiting for a free slot (a few upload at a time).
 * - `uploading`: its bytes are on their way (`loaded` of `total`).
 * - `processing`: all sent; the repository checks and stores it.
 * - `approving`: stored; the selector is approving it.
 * - `approved`: on the delivery tier: searchable and selectable.
 * - `waiting`: stored but not approved (no `approve`, or the approval was refused: `approvalFailure`).
 * - `conflict`: the name is taken: rename or replace.
 * - `failed`: see `failure`; Retry sends it again.
 * - `cancelled`: nothing of it is left in the repository.
 */
export type UploadStatus = 'queued' | 'uploading' | 'processing' | 'approving' | 'approved' | 'waiting' | 'conflict' | 'failed' | 'cancelled';

/** One file of the queue, as the UI shows it. Replaced, never mutated, on every change. */
export interface UploadItem {
  readonly id: number;
  /** The file's own name. */
  readonly fileName: string;
  /** The asset's name in the folder (the file's, made valid, or the rename chosen). */
  readonly name: string;
  readonly status: UploadStatus;
  readonly loaded: number;
  readonly total: number;
  /** Whether this upload replaces the binary of the asset already at `name`. */
  readonly replacing: boolean;
  /** Whether a Cancel is still being carried out (the asset, once made, is being deleted). */
  readonly cancelling: boolean;
  readonly failure?: UploadFailure;
  readonly approvalFailure?: UploadFailure;
  readonly asset?: UploadedAsset;
}

/** What the queue reads at each step (the selector's options may change meanwhile). */
export interface UploadSettings {
  repository: string;
  folder: string;
  approve: boolean;
  token?: TokenSource | undefined;
}

interface UploadQueueSnapshot {
  readonly items: readonly UploadItem[];
  /** How many uploads have been approved: the search results changed each time it grows. */
  readonly approved: number;
}

export interface UploadQueue {
  getSnapshot(): UploadQueueSnapshot;
  subscribe(listener: () => void): () => void;
  add(files: Iterable<File>): void;
  /** Drops a queued file, aborts one being sent, or deletes the asset once the repository made it. */
  cancel(id: number): void;
  /** Sends a failed file again, or asks again for a refused approval. */
  retry(id: number): void;
  /** After a conflict: uploads under the next free name (`photo-1.jpg`). */
  rename(id: number): void;
  /** After a conflict: replaces the binary of the asset with that name. */
  replace(id: number): void;
  /** Forgets the finished files (approved, waiting, cancelled). */
  clearFinished(): void;
}

interface Job {
  item: UploadItem;
  readonly file: Blob;
  controller: AbortController;
  /** The whole body left: aborting no longer guarantees the asset was not made. */
  sent: boolean;
  cancel: boolean;
}

/** A step failed in a way the person is shown. */
class StepFailure extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.detail ?? failure.kind);
  }
}

/** How many alternative names Rename tries before giving up. */
const MAX_RENAME = 99;
const FINISHED: ReadonlySet<UploadStatus> = new Set(['approved', 'waiting', 'cancelled']);

/**
 * The upload queue of one selector: files go to the Assets HTTP API a few at a time, each with its
 * progress, as many at once as `limit` lets run (createTaskLimit), through `transport`
 * (XMLHttpRequest in browsers). Framework-free; the upload panel
 * subscribes to it. The token is only ever an `Authorization` header.
 */
export function createUploadQueue(settings: () => UploadSettings, limit: TaskLimit, transport: UploadTransport = xhrTransport): UploadQueue {
  const jobs = new Map<number, Job>();
  const listeners = new Set<() => void>();
  const folders = new Map<string, Promise<void>>();
  let snapshot: UploadQueueSnapshot = { items: [], approved: 0 };
  let nextId = 1;

  const publish = (approved = snapshot.approved) => {
    snapshot = { items: [...jobs.values()].map((job) => job.item), approved };
    for (const listener of listeners) listener();
  };
  const update = (job: Job, patch: Partial<UploadItem>) => {
    if (jobs.get(job.item.id) !== job) return;
    job.item = { ...job.item, ...patch };
    publish();
  };

  async function tokenOf(source: TokenSource | undefined): Promise<string | undefined> {
    return (typeof source === 'function' ? await source() : source) || undefined;
  }

  /** A request with the token; once more with a fresh one after a 401 when the token is a function. */
  async function send(s: UploadSettings, call: UploadCall) {
    const attempt = async () => {
      const token = await tokenOf(s.token);
      return transport({ ...call, headers: { ...call.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
    };
    const answer = await attempt();
    return answer.status === 401 && typeof s.token === 'function' ? attempt() : answer;
  }

  /** The upload folder exists, or is made (with the folders above it), once per session. */
  function ensureFolder(s: UploadSettings): Promise<void> {
    const key = `${s.repository}\n${s.folder}`;
    let ready = folders.get(key);
    if (!ready) {
      ready = (async () => {
        const found = await send(s, { method: 'GET', url: assetsApiUrl(s.repository, s.folder, '.json'), headers: { Accept: 'application/json' } });
        if (found.status === 200) return;
        if (found.status !== 404) throw new StepFailure(classifyUploadFailure(found.status, found.text));
        for (const path of folderChain(s.folder)) {
          const made = await send(s, { method: 'POST', url: assetsApiUrl(s.repository, path), headers: { 'Content-Type': 'application/json' }, body: FOLDER_BODY });
          if (made.status !== 201 && made.status !== 409) throw new StepFailure(classifyUploadFailure(made.status, made.text));
        }
      })();
      folders.set(key, ready);
      ready.catch(() => folders.delete(key));
    }
    return ready;
  }

  async function upload(job: Job): Promise<void> {
    const s = settings();
    await ensureFolder(s);
    job.controller.signal.throwIfAborted();
    const { file } = job;
    update(job, { status: 'uploading' });
    const answer = await send(s, {
      method: job.item.replacing ? 'PUT' : 'POST',
      url: assetsApiUrl(s.repository, `${s.folder}/${job.item.name}`),
      headers: { 'Content-Type': uploadContentType(file), Accept: 'application/json' },
      body: file,
      signal: job.controller.signal,
      onProgress: (loaded, total) => update(job, { loaded, total }),
      onSent: () => {
        job.sent = true;
        update(job, { status: 'processing', loaded: file.size });
      },
    });
    if (answer.status !== 200 && answer.status !== 201) {
      if (job.cancel) return update(job, { status: 'cancelled', cancelling: false });
      const failure = classifyUploadFailure(answer.status, answer.text);
      return update(job, { status: failure.kind === 'conflict' && !job.item.replacing ? 'conflict' : 'failed', failure });
    }
    const asset = readUploadedAsset(answer.text);
    update(job, { asset, loaded: file.size });
    // A replaced binary cannot be put back, so a replace is never cancelled once sent (the UI offers no Cancel then).
    if (job.cancel && !job.item.replacing) return discard(job, s, asset);
    return approve(job, s, asset);
  }

  async function approve(job: Job, s: UploadSettings, asset: UploadedAsset): Promise<void> {
    if (!s.approve || asset.status === 'approved') return finish(job, asset);
    update(job, { status: 'approving', approvalFailure: undefined });
    const answer = await send(s, { method: 'PUT', url: assetsApiUrl(s.repository, asset.path), headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: APPROVE_BODY });
    if (job.cancel) return discard(job, s, asset);
    if (answer.status === 200) return finish(job, readUploadedAsset(answer.text));
    update(job, { status: 'waiting', approvalFailure: classifyUploadFailure(answer.status, answer.text) });
  }

  function finish(job: Job, asset: UploadedAsset): void {
    const approved = asset.status === 'approved';
    update(job, { status: approved ? 'approved' : 'waiting', asset });
    if (approved) publish(snapshot.approved + 1);
  }

  /** Cancel after the repository made the asset: delete it, so nothing of the upload is left. */
  async function discard(job: Job, s: UploadSettings, asset: UploadedAsset): Promise<void> {
    const answer = await send(s, { method: 'DELETE', url: assetsApiUrl(s.repository, asset.path), headers: { Accept: 'application/json' } });
    if (answer.status === 200 || answer.status === 404) return update(job, { status: 'cancelled', cancelling: false, asset: undefined });
    update(job, { status: 'failed', cancelling: false, failure: classifyUploadFailure(answer.status, answer.text) });
  }

  function start(job: Job, patch: Partial<UploadItem> = {}): void {
    job.controller = new AbortController();
    job.sent = false;
    job.cancel = false;
    update(job, { status: 'queued', loaded: 0, total: job.file.size, cancelling: false, failure: undefined, approvalFailure: undefined, ...patch });
    const signal = job.controller.signal;
    limit.run(() => upload(job), signal).catch((error: unknown) => {
      if (signal.aborted) update(job, { status: 'cancelled', cancelling: false });
      else update(job, { status: 'failed', failure: error instanceof StepFailure ? error.failure : { kind: 'network', status: 0, detail: String((error as Error)?.message ?? error) } });
    });
  }

  async function rename(job: Job): Promise<void> {
    const s = settings();
    // Cancel while the names are looked up (the row shows it queued) stops here.
    job.controller = new AbortController();
    const { signal } = job.controller;
    update(job, { status: 'queued', failure: undefined });
    try {
      for (let n = 1; n <= MAX_RENAME; n++) {
        const name = alternativeName(assetNameFor(job.item.fileName), n);
        const probe = await send(s, { method: 'GET', url: assetsApiUrl(s.repository, `${s.folder}/${name}`, '.json'), headers: { Accept: 'application/json' } });
        if (signal.aborted) return update(job, { status: 'cancelled' });
        if (probe.status === 404) return start(job, { name, replacing: false });
        if (probe.status !== 200) throw new StepFailure(classifyUploadFailure(probe.status, probe.text));
      }
      throw new StepFailure({ kind: 'conflict', status: 409 });
    } catch (error) {
      update(job, { status: 'failed', failure: error instanceof StepFailure ? error.failure : { kind: 'network', status: 0 } });
    }
  }

  const withJob = (id: number, act: (job: Job) => void) => {
    const job = jobs.get(id);
    if (job) act(job);
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(files) {
      for (const file of files) {
        const id = nextId++;
        const item: UploadItem = { id, fileName: file.name, name: assetNameFor(file.name), status: 'queued', loaded: 0, total: file.size, replacing: false, cancelling: false };
        const job: Job = { item, file, controller: new AbortController(), sent: false, cancel: false };
        jobs.set(id, job);
        start(job);
      }
    },
    cancel: (id) =>
      withJob(id, (job) => {
        const { status, replacing } = job.item;
        if (status === 'conflict' || status === 'failed') return update(job, { status: 'cancelled' });
        if (status === 'queued' || (status === 'uploading' && !job.sent)) return job.controller.abort();
        if ((status === 'processing' && !replacing) || status === 'approving') {
          job.cancel = true;
          update(job, { cancelling: true });
        }
      }),
    retry: (id) =>
      withJob(id, (job) => {
        if (job.item.status === 'failed') start(job);
        else if (job.item.status === 'waiting' && job.item.approvalFailure && job.item.asset) {
          approve(job, settings(), job.item.asset).catch(() => update(job, { status: 'waiting', approvalFailure: { kind: 'network', status: 0 } }));
        }
      }),
    rename: (id) => withJob(id, (job) => job.item.status === 'conflict' && void rename(job)),
    replace: (id) => withJob(id, (job) => job.item.status === 'conflict' && start(job, { replacing: true })),
    clearFinished() {
      for (const [id, job] of jobs) if (FINISHED.has(job.item.status)) jobs.delete(id);
      publish();
    },
  };
}
