import yauzl from 'yauzl';

/** Every entry of a zip (read with yauzl, which checks the CRCs as it inflates): name → bytes. */
export function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((done, fail) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return fail(error);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', fail);
        });
      });
      zip.on('end', () => done(out));
      zip.on('error', fail);
      zip.readEntry();
    });
  });
}

/** Polls an archive's status URL until it is no longer PROCESSING; returns the last status. */
export async function archiveDone(fetchPath: (path: string) => Promise<Response>, location: string): Promise<any> {
  const path = new URL(location).pathname;
  for (let i = 0; i < 600; i++) {
    const response = await fetchPath(path);
    if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
    const status = await response.json();
    if (status.status !== 'PROCESSING') return status;
    if (response.headers.get('retry-after') !== '1') throw new Error('a PROCESSING status without Retry-After');
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('archive did not finish');
}
