/** The bounds on media jobs; tests lower them to reach each path quickly. */
export interface MediaLimits {
  /** Posters and PDF pages running at once, and waiting (short jobs). */
  frameConcurrency: number;
  frameQueue: number;
  /** Packaging runs at once, and waiting: each is an encode of a whole video. */
  packageConcurrency: number;
  packageQueue: number;
  frameTimeoutMs: number;
  /** A packaging run may take this, plus `packageMsPerSecond` for each second of video. */
  packageTimeoutMs: number;
  packageMsPerSecond: number;
  /** Longer videos are refused (422) rather than encoded for many minutes. */
  maxStreamSeconds: number;
  /** A failed job is answered from memory for this long instead of being run again. */
  failureMemoryMs: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  frameConcurrency: 2,
  frameQueue: 32,
  packageConcurrency: 1,
  packageQueue: 8,
  frameTimeoutMs: 30_000,
  packageTimeoutMs: 60_000,
  packageMsPerSecond: 3_000,
  maxStreamSeconds: 600,
  failureMemoryMs: 60_000,
};
