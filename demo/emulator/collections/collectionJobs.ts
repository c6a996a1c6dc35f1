import { randomUUID } from 'node:crypto';
import { ProblemError } from '../http/problem.ts';

/** What `GET /collections/jobs/{jobId}/status` returns, as the spec's sample shows it. */
export interface JobStatus {
  operation: string;
  /** 202 while running, then the HTTP status the operation would have had (200, or a 4xx). */
  status: number;
  description: string;
  data: Record<string, unknown>;
  errors: Array<{ detail: string; parameter?: string }>;
  warnings: Array<{ detail: string }>;
}

/** What a job's work reports when it finishes. */
export interface JobOutcome {
  description: string;
  data?: Record<string, unknown>;
  warnings?: Array<{ detail: string }>;
}

const KEPT_JOBS = 1000;
const KEPT_MS = 60 * 60 * 1000;

/**
 * The long-running forms of the collection writes. A job runs after the 202 was sent (on a later
 * turn of the event loop), and its status is kept for an hour; at most {@link KEPT_JOBS} are kept,
 * the oldest dropped first, so polling a job that long gone is a 404 like an unknown id.
 */
export class CollectionJobs {
  readonly #jobs = new Map<string, { status: JobStatus; at: number }>();

  start(operation: string, work: () => JobOutcome): string {
    const id = randomUUID();
    this.#prune();
    const status: JobStatus = { operation, status: 202, description: 'In progress', data: {}, errors: [], warnings: [] };
    this.#jobs.set(id, { status, at: Date.now() });
    setImmediate(() => {
      try {
        const outcome = work();
        Object.assign(status, { status: 200, description: outcome.description, data: outcome.data ?? {}, warnings: outcome.warnings ?? [] });
      } catch (error) {
        const problem = error instanceof ProblemError ? error : new ProblemError(500, 'the operation failed unexpectedly');
        if (!(error instanceof ProblemError)) console.error('emulator: collection job failed', error);
        Object.assign(status, { status: problem.status, description: 'Failed', errors: [{ detail: problem.message, ...(problem.parameter ? { parameter: problem.parameter } : {}) }] });
      }
    });
    return id;
  }

  get(id: string): JobStatus | undefined {
    const job = this.#jobs.get(id);
    if (!job || Date.now() - job.at > KEPT_MS) return undefined;
    return job.status;
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) if (now - job.at > KEPT_MS) this.#jobs.delete(id);
    while (this.#jobs.size >= KEPT_JOBS) this.#jobs.delete(this.#jobs.keys().next().value!);
  }
}
