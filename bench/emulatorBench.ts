import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { httpRequest, percentile, spawnEmulator, timed, type Measurement } from './benchTools.ts';

const WORDS = ['quiet', 'bright', 'golden', 'misty', 'urban', 'wild', 'frozen', 'hidden', 'vivid', 'silent', 'harbour', 'meadow', 'skyline', 'forest', 'canyon', 'garden', 'studio', 'market', 'glacier', 'lantern'];

/**
 * Search latency over 10,000 synthetic assets, delivery throughput and latency under load, and
 * memory under searches for invented fields at 100,000 assets, measured against the real CLI in a
 * child process over HTTP. Every search is a distinct query, so none is served from the
 * emulator's result cache.
 */
export async function benchEmulator(): Promise<Measurement[]> {
  const emulator = await spawnEmulator(['--synthetic', '10000']);
  const out: Measurement[] = [];
  try {
    const search = (body: unknown) =>
      httpRequest(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    // Warm the index structures that are built on first use (as a running server has them).
    await search({ query: [{ match: { text: 'warm' } }], orderBy: 'repositoryMetadata.repo:size desc' });
    await search({ query: [{ term: { 'assetMetadata.xcm:keywords': ['nature'] } }, { range: { 'repositoryMetadata.repo:createDate': { gte: '2015-01-01T00:00:00Z' } } }] });

    const runs = 300;
    const kinds: Array<[string, (i: number) => unknown]> = [
      ['text query', (i) => ({ query: [{ match: { text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]!.slice(0, 3 + (i % 4))}` } }], limit: 24 })],
      ['text query, all assets', () => ({ query: [{ match: { text: '*' } }], limit: 24 })],
      [
        'term + range query',
        (i) => ({
          query: [
            { term: { 'assetMetadata.xcm:keywords': [['nature', 'city', 'travel', 'food'][i % 4]] } },
            { range: { 'repositoryMetadata.repo:createDate': { gte: `${2012 + (i % 12)}-01-01T00:00:00Z` } } },
          ],
          limit: 24,
        }),
      ],
      ['sorted query', (i) => ({ query: [{ range: { 'repositoryMetadata.repo:size': { gte: i } } }], orderBy: 'repositoryMetadata.repo:createDate desc, repositoryMetadata.repo:name asc', limit: 24 })],
    ];
    for (const [name, body] of kinds) {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        // A clause that excludes nothing but makes every request distinct, so none is a cache hit.
        const request = body(i) as { query: unknown[] };
        request.query.push({ not: [{ term: { 'repositoryMetadata.repo:name': [`bench-${name}-${i}`] } }] });
        const [ms, response] = await timed(() => search(request));
        if (response.status !== 200) throw new Error(`${name} failed: ${response.body.toString()}`);
        samples.push(ms);
      }
      out.push({ name: `search p50, ${name}`, value: percentile(samples, 50), unit: 'ms', note: '10,000 assets' });
      out.push({ name: `search p95, ${name}`, value: percentile(samples, 95), unit: 'ms', budget: { limit: 10, kind: 'max' } });
    }

    // Distinct assets (so distinct transforms), each thumbnail rendered for the first time.
    const first = JSON.parse((await search({ query: [{ match: { text: '*' } }], limit: 50 })).body.toString()) as { hits: { results: Array<{ assetId: string }> } };
    const ids = first.hits.results.map((r) => r.assetId);
    const thumb = (id: string) => `${emulator.url}/adobe/assets/${id}/as/thumb.webp?width=320`;
    const cold: number[] = [];
    for (const id of ids) {
      const [ms, response] = await timed(() => httpRequest(thumb(id), { headers: { Accept: 'image/webp' } }));
      if (response.status !== 200) throw new Error(`thumbnail failed: ${response.status}`);
      cold.push(ms);
    }
    out.push({ name: 'cold 320-px WebP thumbnail, median', value: percentile(cold, 50), unit: 'ms', budget: { limit: 60, kind: 'max' }, note: `${ids.length} distinct assets` });

    const concurrency = 16;
    const duration = 3000;
    let done = 0;
    const end = performance.now() + duration;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let i = worker; performance.now() < end; i += concurrency) {
          const response = await httpRequest(thumb(ids[i % ids.length]!), { headers: { Accept: 'image/webp' } });
          if (response.status !== 200) throw new Error(`warm request failed: ${response.status}`);
          done++;
        }
      }),
    );
    out.push({ name: 'warm (cached) thumbnail requests', value: done / (duration / 1000), unit: 'req/s', budget: { limit: 1000, kind: 'min' }, note: `${concurrency} connections, ${availableParallelism()} cores shared with the client` });

    out.push(...(await thumbnailsUnderLoad(emulator.url)));
  } finally {
    await emulator.stop();
  }
  out.push(...(await memoryUnderNovelFields()));
  out.push(...(await repositoryWrites()));
  return out;
}

const EDITOR = { Authorization: 'Bearer dev-token-editor' };

/** An upload over loopback: one request with the file as its body. */
function upload(url: string, body: Buffer, type: string): Promise<{ status: number; body: Buffer }> {
  return httpRequest(url, { method: 'POST', headers: { ...EDITOR, 'Content-Type': type, 'Content-Length': String(body.length) }, body });
}

/**
 * The repository side: upload throughput (bytes streamed to disk, hashed, decoded to check the
 * type, flushed, committed) and the time from approval to searchable (the approving PUT, then the
 * first search that finds the asset), with the sample store and with 10,000 synthetic assets
 * beside it, where the changed index must re-rank its sort orders.
 */
async function repositoryWrites(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  // Noise does not compress: a 4000 × 3000 JPEG of it is about 10 MB, a 2000 × 1500 PNG about 9 MB.
  const noise = (w: number, h: number) => sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } });
  const count = 6;
  const files = {
    JPEG: { type: 'image/jpeg', ext: 'jpg', bodies: await Promise.all(Array.from({ length: count }, () => noise(4000, 3000).jpeg({ quality: 95 }).toBuffer())) },
    PNG: { type: 'image/png', ext: 'png', bodies: await Promise.all(Array.from({ length: count }, () => noise(2000, 1500).png({ compressionLevel: 1 }).toBuffer())) },
  };
  const emulator = await spawnEmulator([]);
  try {
    await httpRequest(`${emulator.url}/api/assets/bench`, { method: 'POST', headers: EDITOR });
    for (const [label, { type, ext, bodies }] of Object.entries(files)) {
      let bytes = 0;
      const started = performance.now();
      for (const [i, body] of bodies.entries()) {
        const response = await upload(`${emulator.url}/api/assets/bench/${label}-${i}.${ext}`, body, type);
        if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.body.toString()}`);
        bytes += body.length;
      }
      const seconds = (performance.now() - started) / 1000;
      const size = (bytes / count / 1024 / 1024).toFixed(1);
      out.push({ name: `upload throughput, ${label}`, value: bytes / 1024 / 1024 / seconds, unit: 'MB/s', budget: { limit: 20, kind: 'min' }, note: `${count} × ${size} MB of noise, one at a time: streamed, hashed, decoded, fsynced, committed` });
    }
    out.push(await approvalToSearchable(emulator.url, 'sample store'));
  } finally {
    await emulator.stop();
  }
  const large = await spawnEmulator(['--synthetic', '10000']);
  try {
    await httpRequest(`${large.url}/api/assets/bench`, { method: 'POST', headers: EDITOR });
    out.push(await approvalToSearchable(large.url, '10,000 synthetic assets beside it'));
  } finally {
    await large.stop();
  }
  return out;
}

async function approvalToSearchable(url: string, note: string): Promise<Measurement> {
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } }).jpeg().toBuffer();
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const name = `approval-${i}-${randomBytes(4).toString('hex')}.jpg`;
    const created = await upload(`${url}/api/assets/bench/${name}`, image, 'image/jpeg');
    if (created.status !== 201) throw new Error(`upload failed: ${created.status}`);
    const started = performance.now();
    const put = await httpRequest(`${url}/api/assets/bench/${name}`, {
      method: 'PUT',
      headers: { ...EDITOR, 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { 'dam:assetStatus': 'approved' } }),
    });
    if (put.status !== 200) throw new Error(`approval failed: ${put.status}`);
    const found = await httpRequest(`${url}/adobe/assets/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: [{ term: { 'repositoryMetadata.repo:name': [name] } }] }),
    });
    samples.push(performance.now() - started);
    if (!found.body.toString().includes(name)) throw new Error(`${name} was not searchable right after its approval`);
  }
  return { name: 'approval → searchable (PUT, then the search that finds it), median', value: percentile(samples, 50), unit: 'ms', budget: { limit: 100, kind: 'max' }, note };
}

/**
 * A 160-px thumbnail's latency alone, and while two of the largest transforms the pixel budget
 * admits are running (an 8-megapixel AVIF and a 4-megapixel GIF, several seconds each): the queue's
 * lanes should keep the second figure within a small multiple of the first.
 */
async function thumbnailsUnderLoad(url: string): Promise<Measurement[]> {
  const page = JSON.parse((await httpRequest(`${url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: 'quiet' } }], limit: 50 }) })).body.toString()) as {
    hits: { results: Array<{ assetId: string }> };
  };
  const ids = page.hits.results.map((r) => r.assetId);
  let next = 0;
  const thumbnail = async () => {
    const id = ids[next++ % ids.length]!;
    // A width no other request uses, so each one is a fresh transform.
    const [ms, response] = await timed(() => httpRequest(`${url}/adobe/assets/${id}/as/t.webp?width=160&quality=${60 + (next % 30)}`, { headers: { Accept: 'image/webp' } }));
    if (response.status !== 200) throw new Error(`thumbnail failed: ${response.status}`);
    return ms;
  };
  // Alternating rounds, so that load from outside the benchmark weighs on both figures alike.
  const alone: number[] = [];
  const loaded: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < 5; i++) alone.push(await thumbnail());
    let running = true;
    const big = Promise.all([
      httpRequest(`${url}/adobe/assets/${ids[round]}/as/big.avif?width=2800&height=2800&fit=crop&auto-format=false&quality=${50 + round}`),
      httpRequest(`${url}/adobe/assets/${ids[round + 1]}/as/big.gif?width=2000&height=2000&fit=crop&auto-format=false&quality=${50 + round}`),
    ]).then((responses) => {
      running = false;
      for (const r of responses) if (r.status !== 200) throw new Error(`large transform failed: ${r.status} ${r.body.toString()}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; running && i < 8; i++) {
      const ms = await thumbnail();
      if (running) loaded.push(ms);
    }
    await big;
  }
  const aloneMedian = percentile(alone, 50);
  const loadedMedian = percentile(loaded, 50);
  return [
    { name: '160-px thumbnail, median, alone', value: aloneMedian, unit: 'ms', note: `${alone.length} fresh transforms` },
    { name: '160-px thumbnail, median, while two maximal transforms run', value: loadedMedian, unit: 'ms', note: `${loaded.length} fresh transforms; an 8-MP AVIF and a 4-MP GIF` },
    { name: 'thumbnail latency under load ÷ alone', value: loadedMedian / aloneMedian, unit: '×', budget: { limit: 3, kind: 'max' } },
  ];
}

/** The emulator's resident memory, from /proc (Linux), in MB. */
async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/**
 * Searches that name a field no asset has, in every place a field can go, at 100,000 assets:
 * per-field structures are built only for fields some asset has, so memory stays flat.
 */
async function memoryUnderNovelFields(): Promise<Measurement[]> {
  const emulator = await spawnEmulator(['--synthetic', '100000']);
  try {
    const search = async (body: unknown) => {
      const response = await httpRequest(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`search failed: ${response.status} ${response.body.toString()}`);
    };
    // What a running server has built for the fields real clients use.
    await search({ query: [{ range: { 'repositoryMetadata.repo:size': { gte: 1 } } }], orderBy: 'repositoryMetadata.repo:createDate desc' });
    await search({ query: [{ term: { 'assetMetadata.xcm:keywords': ['nature'] } }], orderBy: 'assetMetadata.dc:title asc' });
    const before = await residentMb(emulator.child.pid!);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      const field = `assetMetadata.g${i}`;
      const shapes = [
        { query: [{ range: { [field]: { gte: i } } }] },
        { query: [{ match: { text: '*' } }], orderBy: `${field} desc` },
        { query: [{ term: { [field]: [String(i)] } }] },
        { query: [{ match: { text: 'quiet', fields: [field] } }] },
      ];
      await search(shapes[i % shapes.length]);
    }
    const perSearch = (performance.now() - started) / 1000;
    const after = await residentMb(emulator.child.pid!);
    return [
      { name: 'emulator RSS at 100,000 assets, before', value: before, unit: 'MB' },
      { name: 'emulator RSS after 1,000 searches naming invented fields', value: after, unit: 'MB', note: `${perSearch.toFixed(1)} ms per search` },
      { name: 'RSS growth over those searches', value: after - before, unit: 'MB', budget: { limit: 50, kind: 'max' } },
    ];
  } finally {
    await emulator.stop();
  }
}
