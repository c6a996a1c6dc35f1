/** The `upload` option: where uploaded files go, and whether the selector approves them itself. */
export interface UploadOption {
  /** An absolute DAM folder path, e.g. `/content/dam/uploads`; missing folders are created. */
  folder: string;
  /** Set `dam:assetStatus` to `approved` after each upload (needs a token allowed to approve). */
  approve?: boolean;
}

/**
 * `/content/dam` or a folder under it: no empty, `.` or `..` segment, none of the characters a
 * repository name may not hold, no trailing slash.
 */
const FOLDER = /^\/content\/dam(\/(?!\.\.?(\/|$))[^/\\:*?"<>|[\]\u0000-\u001f]+)*$/;

/** Throws a TypeError naming `upload`, `upload.folder` or `upload.approve` unless `value` is an {@link UploadOption}. */
export function checkUploadOption(value: unknown): void {
  const fail = (option: string, expected: string) => {
    throw new TypeError(`asset-selector: option "${option}" must be ${expected}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('upload', '{ folder, approve? }');
  const { folder, approve, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail('upload', `{ folder, approve? }, got unknown keys ${Object.keys(rest).join(', ')}`);
  if (typeof folder !== 'string' || !FOLDER.test(folder)) fail('upload.folder', `an absolute folder path under /content/dam, got ${JSON.stringify(folder)}`);
  if (approve !== undefined && typeof approve !== 'boolean') fail('upload.approve', 'a boolean');
}
