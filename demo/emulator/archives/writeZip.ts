import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { PlannedEntry } from './archivePlan.ts';

/**
 * Streams the entries into a zip file at `file` (via `file.part`, renamed when complete): one
 * entry's file is open at a time and its bytes flow through in chunks, so memory stays flat
 * whatever the archive's size. yazl writes ZIP64 records when an entry or the archive passes 4 GiB.
 * Returns the archive's size in bytes.
 */
export async function writeZip(entries: readonly PlannedEntry[], file: string, signal?: AbortSignal): Promise<number> {
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { compress: entry.compress, mtime: entry.mtime, size: entry.size }, (done) => done(null, createReadStream(entry.path)));
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
