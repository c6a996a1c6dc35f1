import { availableParallelism } from 'node:os';
import { httpRequest, percentile, spawnEmulator, timed, type Measurement } from './benchTools.ts';

const WORDS = ['quiet', 'bright', 'golden', 'misty', 'urban', 'wild', 'frozen', 'hidden', 'vivid', 'silent', 'harbour', 'meadow', 'skyline', 'forest', 'canyon', 'garden', 'studio', 'market', 'glacier', 'lantern'];

/**
 * Search latency over 10,000 synthetic assets and delivery throughput, measured against the real
 * CLI in a child process over HTTP. Every search is a distinct query, so none is served from the
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
  } finally {
    await emulator.stop();
  }
  return out;
}
