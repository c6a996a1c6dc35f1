import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADVANCED_FIELDS,
  advancedQueryToNodes,
  advancedQueryTranslator,
  emptyAdvancedQuery,
  newAdvancedGroup,
  newAdvancedRow,
  type AdvancedQuery,
  type AdvancedRow,
} from '../../src/core/advancedQuery.ts';
import { CLAUSE_BUILDERS } from '../../src/core/clauseBuilders.ts';
import { foldQuery } from '../../src/core/queryBuilder.ts';
import { sampleSearch } from '../emulator/searchFixture.ts';

const TITLE = 'assetMetadata.dc:title';
const KEYWORDS = 'assetMetadata.xcm:keywords';
const SIZE = 'repositoryMetadata.repo:size';
const CREATED = 'repositoryMetadata.repo:createDate';

const row = (field: string, operator: AdvancedRow['operator'], value = '', valueTo = '') => newAdvancedRow({ field, operator, value, valueTo });
const query = (items: AdvancedQuery['items'], join: 'and' | 'or' = 'and'): AdvancedQuery => ({ join, items, active: true });

describe('ADVANCED_FIELDS and factories', () => {
  it('lists unique paths with a type each', () => {
    const paths = ADVANCED_FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of ADVANCED_FIELDS) expect(['text', 'keyword', 'number', 'date']).toContain(f.type);
    expect(ADVANCED_FIELDS.find((f) => f.path === SIZE)?.type).toBe('number');
    expect(ADVANCED_FIELDS.find((f) => f.path === CREATED)?.type).toBe('date');
  });

  it('makes rows and groups with unique ids and sensible defaults', () => {
    const ids = new Set(Array.from({ length: 50 }, (_, i) => (i % 2 ? newAdvancedRow().id : newAdvancedGroup().id)));
    expect(ids.size).toBe(50);
    expect(newAdvancedRow()).toMatchObject({ kind: 'row', field: ADVANCED_FIELDS[0]!.path, operator: 'contains', value: '', valueTo: '' });
    const group = newAdvancedGroup({ join: 'or' });
    expect(group).toMatchObject({ kind: 'group', join: 'or' });
    expect(group.rows).toHaveLength(1);
    // Overrides cannot replace the id or the kind.
    expect(newAdvancedRow({ id: 'x', kind: 'group' } as unknown as Partial<AdvancedRow>)).toMatchObject({ kind: 'row' });
  });
});

describe('advancedQueryToNodes', () => {
  it('is empty while inactive or empty', () => {
    expect(advancedQueryToNodes(emptyAdvancedQuery())).toEqual([]);
    expect(advancedQueryToNodes({ ...query([row(TITLE, 'contains', 'kite')]), active: false })).toEqual([]);
    expect(advancedQueryToNodes(query([]))).toEqual([]);
  });

  it('maps each operator', () => {
    expect(advancedQueryToNodes(query([row(TITLE, 'contains', ' kite ')]))).toEqual([{ match: { text: 'kite', fields: [TITLE] } }]);
    expect(advancedQueryToNodes(query([row(KEYWORDS, 'is', 'sky')]))).toEqual([{ term: { [KEYWORDS]: ['sky'] } }]);
    expect(advancedQueryToNodes(query([row(KEYWORDS, 'isNot', 'sky')]))).toEqual([{ not: [{ term: { [KEYWORDS]: ['sky'] } }] }]);
    expect(advancedQueryToNodes(query([row(SIZE, 'between', '1000', '5000')]))).toEqual([{ range: { [SIZE]: { gte: 1000, lte: 5000 } } }]);
    expect(advancedQueryToNodes(query([row(SIZE, 'is', '42')]))).toEqual([{ term: { [SIZE]: [42] } }]);
    expect(advancedQueryToNodes(query([row('assetMetadata.pur:expirationDate', 'exists')]))).toEqual([{ exists: { field: 'assetMetadata.pur:expirationDate' } }]);
  });

  it('parses dates for date fields, the "to" day inclusive; a date "is" a whole day', () => {
    expect(advancedQueryToNodes(query([row(CREATED, 'between', '2020-01-01', '2020-12-31')]))).toEqual([
      { range: { [CREATED]: { gte: '2020-01-01T00:00:00.000Z', lte: '2020-12-31T23:59:59.999Z' } } },
    ]);
    expect(advancedQueryToNodes(query([row(CREATED, 'between', '', '2020-12-31')]))).toEqual([{ range: { [CREATED]: { lte: '2020-12-31T23:59:59.999Z' } } }]);
    expect(advancedQueryToNodes(query([row(CREATED, 'is', '2020-06-01')]))).toEqual([
      { range: { [CREATED]: { gte: '2020-06-01T00:00:00.000Z', lte: '2020-06-01T23:59:59.999Z' } } },
    ]);
  });

  it('drops rows with empty or unparseable values, and groups left empty', () => {
    const items = [
      row(TITLE, 'contains', '  '),
      row(KEYWORDS, 'is', ''),
      row(SIZE, 'between', 'abc', ''),
      row(SIZE, 'is', '12kb'),
      row(CREATED, 'between', '2020-13-01', ''),
      row(TITLE, 'between', 'a', 'b'), // text has no range in the API
      row('', 'exists'),
      newAdvancedGroup({ rows: [row(TITLE, 'contains', '')] }),
    ];
    expect(advancedQueryToNodes(query(items))).toEqual([]);
    expect(advancedQueryToNodes(query(items, 'or'))).toEqual([]);
  });

  it('joins groups and the top level with and/or', () => {
    const nodes = advancedQueryToNodes(
      query([row(TITLE, 'contains', 'kite'), newAdvancedGroup({ join: 'or', rows: [row(KEYWORDS, 'is', 'sky'), row(KEYWORDS, 'is', 'space'), row(TITLE, 'contains', '')] })]),
    );
    expect(nodes).toEqual([{ match: { text: 'kite', fields: [TITLE] } }, { or: [{ term: { [KEYWORDS]: ['sky'] } }, { term: { [KEYWORDS]: ['space'] } }] }]);
    const any = advancedQueryToNodes(query([row(TITLE, 'contains', 'kite'), row(TITLE, 'contains', 'astronaut')], 'or'));
    expect(any).toEqual([{ or: [{ match: { text: 'kite', fields: [TITLE] } }, { match: { text: 'astronaut', fields: [TITLE] } }] }]);
  });

  describe('against the emulator', () => {
    let search: Awaited<ReturnType<typeof sampleSearch>>;
    beforeAll(async () => {
      search = await sampleSearch();
    });
    const names = (q: AdvancedQuery) => search.names({ query: foldQuery(advancedQueryToNodes(q)), limit: 50 }).sort();

    it('finds what the rows say', () => {
      expect(names(query([row(TITLE, 'contains', 'kite'), row(TITLE, 'contains', 'astronaut')], 'or'))).toEqual(expect.arrayContaining(['astronaut.jpg', 'kite.jpg']));
      const space = names(query([row(KEYWORDS, 'is', 'space')]));
      expect(space).toContain('astronaut.jpg');
      const notSpace = names(query([row(KEYWORDS, 'isNot', 'space')]));
      expect(notSpace.filter((n) => space.includes(n))).toEqual([]);
      expect(names(query([row(CREATED, 'is', '2008-03-14')]))).toEqual(['aqua.jpg']);
    });

    it('a long all-rows query still folds into a valid request', () => {
      const many = Array.from({ length: 12 }, () => row(KEYWORDS, 'isNot', 'nothing-has-this'));
      expect(names(query(many)).length).toBeGreaterThan(0);
      expect(names(query([newAdvancedGroup({ join: 'or', rows: Array.from({ length: 9 }, (_, i) => row(SIZE, 'between', String(i), '')) })])).length).toBeGreaterThan(0);
    });
  });
});

describe('advancedQueryTranslator (the editors build their translation on the selector\'s builders)', () => {
  const sample = query([
    row(TITLE, 'contains', 'kite'),
    newAdvancedGroup({ join: 'or', rows: [row(SIZE, 'between', '1000', '5000'), row(CREATED, 'is', '2024-01-15')] }),
    row(KEYWORDS, 'isNot', 'sky'),
  ]);

  it('over the core builders gives what advancedQueryToNodes gives', () => {
    expect(advancedQueryTranslator(CLAUSE_BUILDERS)(sample)).toEqual(advancedQueryToNodes(sample));
    expect(advancedQueryToNodes(sample)).toEqual([
      { match: { text: 'kite', fields: [TITLE] } },
      { or: [{ range: { [SIZE]: { gte: 1000, lte: 5000 } } }, { range: { [CREATED]: { gte: '2024-01-15T00:00:00.000Z', lte: '2024-01-15T23:59:59.999Z' } } }] },
      { not: [{ term: { [KEYWORDS]: ['sky'] } }] },
    ]);
  });

  it('builds every clause with the builders it is given, and nothing of its own', () => {
    const used: string[] = [];
    const traced = Object.fromEntries(
      Object.entries(CLAUSE_BUILDERS).map(([name, build]) => [name, (...args: unknown[]) => (used.push(name), (build as (...a: unknown[]) => unknown)(...args))]),
    ) as typeof CLAUSE_BUILDERS;
    expect(advancedQueryTranslator(traced)(sample)).toEqual(advancedQueryToNodes(sample));
    expect(new Set(used)).toEqual(new Set(['match', 'or', 'range', 'dayStart', 'dayEnd', 'term', 'not']));
  });
});
