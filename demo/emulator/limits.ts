/** The bounds on collections and archives; tests lower them to exercise the async and split forms cheaply. */
export interface EmulatorLimits {
  /** A collection write touching more items than this answers 202 with a job to poll (the spec's "long-running" form). */
  collectionAsyncItems: number;
  /** Members one collection may hold. */
  collectionMaxItems: number;
  /** Collections in the repository. */
  collections: number;
  /** Assets one archive request may name. */
  archiveMaxItems: number;
  /** Uncompressed bytes of one archive request, over all its files: above it the request is a 400 naming it. */
  archiveMaxBytes: number;
  /** Entries are packed into files of at most about this many bytes: a larger request splits. */
  archiveSplitBytes: number;
  /** Archive jobs building at once; more are a 429 with Retry-After. */
  archiveJobs: number;
  /** How long a download URL's token is valid after the status response that carried it (never past the archive's life). */
  archiveTokenTtlMs: number;
  /** How long a finished archive (its files and its download token) lives. */
  archiveTtlMs: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  collectionAsyncItems: 20,
  collectionMaxItems: 1000,
  collections: 1000,
  archiveMaxItems: 500,
  archiveMaxBytes: 2 * 1024 ** 3,
  archiveSplitBytes: 512 * 1024 ** 2,
  archiveJobs: 2,
  archiveTokenTtlMs: 15 * 60 * 1000,
  archiveTtlMs: 60 * 60 * 1000,
};
