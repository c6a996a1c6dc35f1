import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { PlannedEntry } from './archivePlan.ts';

/**
 * Streams the entries into a zip file at `file` (via `file.part`, renamed when complete): one
 * entry's file is open at a time and its bytes flow through in chunks, so memory stays flat
 * whatever the archive's size. yazl writes ZIP64 records when an entry or the archive passes 4 GiB.
 * `stillAllowed` is asked as each entry is opened. Returns the archive's size in bytes.
 */
export async function writeZip(entries: readonly PlannedEntry[], file: string, stillAllowed: (entry: PlannedEntry) => boolean, signal?: AbortSignal): Promise<number> {
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { compress: entry.compress, mtime: entry.mtime, size: entry.size }, (done) =>
      // An asset hidden (or deleted) since the plan fails the archive rather than entering it.
      stillAllowed(entry) ? done(null, createReadStream(entry.path)) : done(Object.assign(new Error('an asset changed while the archive was built'), { code: 'ECHANGED' }), undefined as never),
    );
  }
  zip.end();
  const part = `${file}.part`;
  const out = createWriteStream(part);
  // A source that fails (a binary deleted meanwhile) is reported on the ZipFile, not its stream.
  zip.on('error', (error: Error) => out.destroy(error));
  await pipeline(zip.outputStream, out, signal ? { signal } : {});
  await rename(part, file);
  return out.bytesWritten;
}
