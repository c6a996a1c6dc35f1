import { beforeAll, describe, expect, it } from 'vitest';
import { and, exists, foldQuery, match, MAX_CLAUSES, normalizeNode, not, or, range, term, type Clause } from '../../src/core/queryBuilder.ts';
import type { QueryNode } from '../../src/core/types.ts';
import { loadAssetCatalog } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { ANONYMOUS } from '../../demo/emulator/auth/caller.ts';
import { SearchIndex } from '../../demo/emulator/search/searchIndex.ts';
import { SearchService } from '../../demo/emulator/search/searchService.ts';
import { parseSearchRequest } from '../../demo/emulator/search/searchRequest.ts';

const KEYWORDS = 'assetMetadata.xcm:keywords';
const SIZE = 'repositoryMetadata.repo:size';
const CREATED = 'repositoryMetadata.repo:createDate';

/** Every array in the tree (the top-level list included) holds 1..5 nodes. */
function assertValidShape(nodes: QueryNode[], depth = 0): void {
  expect(nodes.length).toBeGreaterThanOrEqual(1);
  expect(nodes.length).toBeLessThanOrEqual(MAX_CLAUSES);
  expect(depth).toBeLessThanOrEqual(8);
  for (const node of nodes) {
    expect(Object.keys(node)).toHaveLength(1);
    if ('and' in node) assertValidShape(node.and, depth + 1);
    if ('or' in node) assertValidShape(node.or, depth + 1);
    if ('not' in node) assertValidShape(node.not, depth + 1);
    if ('match' in node) expect(node.match.text.trim()).not.toBe('');
  }
}

describe('builders', () => {
  it('build leaf nodes', () => {
    expect(match('kite')).toEqual({ match: { text: 'kite' } });
    expect(match('kite', ['assetMetadata.dc:title'])).toEqual({ match: { text: 'kite', fields: ['assetMetadata.dc:title'] } });
    expect(match('kite', [])).toEqual({ match: { text: 'kite' } });
    expect(term(KEYWORDS, ['sky', 'kite'])).toEqual({ term: { [KEYWORDS]: ['sky', 'kite'] } });
    expect(term(KEYWORDS, 'sky')).toEqual({ term: { [KEYWORDS]: ['sky'] } });
    expect(range(SIZE, { gte: 1, lt: undefined })).toEqual({ range: { [SIZE]: { gte: 1 } } });
    expect(exists('assetMetadata.dc:title')).toEqual({ exists: { field: 'assetMetadata.dc:title' } });
  });

  it('and/or drop empty clauses and unwrap a single child', () => {
    const kite = match('kite');
    expect(and()).toBeUndefined();
    expect(or(undefined, null, false)).toBeUndefined();
    expect(and(undefined, kite, match('  '))).toEqual(kite);
    expect(or(and(), kite)).toEqual(kite);
    expect(and(kite, term(KEYWORDS, []))).toEqual(kite);
    expect(and(kite, range(SIZE, {}))).toEqual(kite);
    expect(and(kite, exists(''))).toEqual(kite);
    expect(and(kite, match('sky'))).toEqual({ and: [kite, match('sky')] });
  });

  it('not drops empty clauses and is undefined when nothing is left', () => {
    expect(not()).toBeUndefined();
    expect(not(match(''), undefined)).toBeUndefined();
    expect(not(match('kite'))).toEqual({ not: [match('kite')] });
    // not(or(a, b)) and not(a, b) mean the same; the flatter one is kept.
    expect(not(or(match('a'), match('b')))).toEqual({ not: [match('a'), match('b')] });
  });

  it('flattens same-operator groups and nests long lists by fives', () => {
    const leaves = Array.from({ length: 12 }, (_, i) => term(KEYWORDS, [`k${i}`]));
    const node = and(and(...leaves.slice(0, 6)), ...leaves.slice(6))!;
    expect('and' in node).toBe(true);
    assertValidShape([node]);
    const grouped = node as { and: QueryNode[] };
    expect(grouped.and).toHaveLength(3); // 12 → [5, 5, 2] groups
    expect(JSON.stringify(grouped)).toContain('"k11"');
    const big = not(...leaves)!;
    assertValidShape([big]);
  });

  it('splits multi-field term and range objects into one node per field', () => {
    const raw = { term: { [KEYWORDS]: ['sky'], 'repositoryMetadata.dc:format': ['image/jpeg'] } } as QueryNode;
    expect(normalizeNode(raw)).toEqual({ and: [term(KEYWORDS, ['sky']), term('repositoryMetadata.dc:format', ['image/jpeg'])] });
  });

  it('does not mutate its input', () => {
    const input: QueryNode[] = [{ and: Array.from({ length: 7 }, (_, i) => match(`w${i}`)) }];
    const copy = structuredClone(input);
    foldQuery(input);
    expect(input).toEqual(copy);
  });
});

describe('foldQuery', () => {
  it('matches everything when nothing is left', () => {
    expect(foldQuery([])).toEqual([{ match: { text: '*' } }]);
    expect(foldQuery([undefined, null, false, and(), match(' \t')])).toEqual([{ match: { text: '*' } }]);
    expect(foldQuery([], [])).toEqual([{ match: { text: '*' } }]);
  });

  it('keeps the host scope first and AND-ed', () => {
    const scope = [term(KEYWORDS, ['nature'])];
    expect(foldQuery([match('lake')], scope)).toEqual([scope[0], match('lake')]);
    expect(foldQuery([], scope)).toEqual(scope);
  });

  it.each(Array.from({ length: 21 }, (_, n) => n))('gives a valid list for %i clauses, with and without a scope', (n) => {
    const clauses: Clause[] = Array.from({ length: n }, (_, i) => (i % 4 === 3 ? undefined : match(`w${i}`)));
    for (const scope of [undefined, [term(KEYWORDS, ['a']), exists(KEYWORDS)]]) {
      const folded = foldQuery(clauses, scope);
      assertValidShape(folded);
      expect(() => parseSearchRequest({ query: folded })).not.toThrow();
      const leaves = JSON.stringify(folded).match(/"text":"w\d+"/g) ?? [];
      expect(leaves).toHaveLength(clauses.filter(Boolean).length);
    }
  });
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('foldQuery keeps the meaning, checked against the emulator', () => {
  let run: (query: QueryNode[]) => Set<string>;
  let universe: Set<string>;
  const leafCache = new Map<string, Set<string>>();

  beforeAll(async () => {
    const catalog = await loadAssetCatalog();
    const service = new SearchService(new SearchIndex(catalog.assets));
    run = (query) => new Set(service.search(parseSearchRequest({ query, limit: 50 }), ANONYMOUS).hits.results.map((r) => r.assetId));
    universe = run([{ match: { text: '*' } }]);
    expect(universe.size).toBeLessThan(50); // one page holds every asset, so sets are complete
  });

  /** The meaning of a node, computed from the emulator's answers for single leaves only. */
  function meaning(node: QueryNode): Set<string> | undefined {
    if ('and' in node || 'or' in node || 'not' in node) {
      const children = ('and' in node ? node.and : 'or' in node ? node.or : node.not).map(meaning).filter((s): s is Set<string> => s !== undefined);
      if (children.length === 0) return undefined;
      if ('and' in node) return new Set([...universe].filter((id) => children.every((s) => s.has(id))));
      const any = new Set(children.flatMap((s) => [...s]));
      return 'or' in node ? any : new Set([...universe].filter((id) => !any.has(id)));
    }
    if ('match' in node && node.match.text.trim() === '') return undefined;
    if ('term' in node && Object.values(node.term).every((v) => v.length === 0)) return undefined;
    const key = JSON.stringify(node);
    if (!leafCache.has(key)) leafCache.set(key, run([node]));
    return leafCache.get(key);
  }

  function expected(clauses: Clause[], scope: QueryNode[] = []): Set<string> {
    const sets = [...scope, ...clauses].filter((c): c is QueryNode => !!c).map(meaning).filter((s): s is Set<string> => s !== undefined);
    return new Set([...universe].filter((id) => sets.every((s) => s.has(id))));
  }

  const pool: Array<() => QueryNode> = [
    () => match('kite'),
    () => match('flow'),
    () => match('*'),
    () => match('   '),
    () => term(KEYWORDS, ['nature']),
    () => term(KEYWORDS, ['sky', 'water']),
    () => term(KEYWORDS, ['macro']),
    () => term(KEYWORDS, []),
    () => range(SIZE, { lt: 400_000 }),
    () => range(SIZE, { gte: 100_000 }),
    () => range(CREATED, { gte: '2010-01-01T00:00:00Z' }),
    () => exists('assetMetadata.dc:description'),
    () => ({ and: [] }),
  ];

  function randomClause(random: () => number, depth: number): Clause {
    const r = random();
    if (r < 0.08) return undefined;
    if (depth < 3 && r < 0.35) {
      const children = Array.from({ length: Math.floor(random() * 9) }, () => randomClause(random, depth + 1)).filter((c): c is QueryNode => !!c);
      // Half raw (possibly over-long, unfolded) groups, half built with the builders.
      const which = random();
      if (which < 0.33) return random() < 0.5 ? { and: children } : and(...children);
      if (which < 0.66) return random() < 0.5 ? { or: children } : or(...children);
      return random() < 0.5 ? { not: children } : not(...children);
    }
    return pool[Math.floor(random() * pool.length)]!();
  }

  it('for 0..20 random clauses (nested and over-long groups included), with and without a scope', () => {
    const random = mulberry32(20240115);
    const sizes = new Set<number>();
    for (let n = 0; n <= 20; n++) {
      for (let trial = 0; trial < 6; trial++) {
        const clauses = Array.from({ length: n }, () => randomClause(random, 0));
        const scope = trial % 2 === 0 ? undefined : [term(KEYWORDS, ['nature', 'sky', 'water', 'macro'])];
        const folded = foldQuery(clauses, scope);
        assertValidShape(folded);
        const hits = run(folded);
        sizes.add(hits.size);
        expect([...hits].sort(), JSON.stringify({ clauses, scope })).toEqual([...expected(clauses, scope)].sort());
      }
    }
    // The comparison means something only if the queries select varied subsets.
    expect(sizes.size).toBeGreaterThan(5);
  });

  it('for long AND lists of narrowing clauses (the result must shrink exactly as unfolded)', () => {
    const clauses = [term(KEYWORDS, ['nature', 'sky', 'water', 'macro', 'flower']), ...Array.from({ length: 19 }, (_, i) => not(term(KEYWORDS, [['sky', 'water', 'macro', 'lake', 'plant'][i % 5]!])))];
    for (let n = 0; n <= clauses.length; n++) {
      const folded = foldQuery(clauses.slice(0, n));
      assertValidShape(folded);
      expect([...run(folded)].sort()).toEqual([...expected(clauses.slice(0, n))].sort());
    }
  });

  it('an unfolded list is refused by the emulator, the folded one is not', () => {
    const clauses = Array.from({ length: 7 }, (_, i) => range(SIZE, { gte: i }));
    expect(() => parseSearchRequest({ query: clauses })).toThrow(/1 to 5 nodes/);
    expect(() => parseSearchRequest({ query: foldQuery(clauses) })).not.toThrow();
  });
});
