import { describe, expect, it } from 'vitest';
import { emptyAdvancedQuery, type AdvancedGroup, type AdvancedRow } from '../../src/core/advancedQuery.ts';
import { advancedEdits, operatorsFor } from '../../src/core/advancedQueryEdits.ts';

describe('advancedEdits', () => {
  it('adds rows and groups, edits rows anywhere and removes them (an emptied group goes too)', () => {
    let q = advancedEdits.addRow(emptyAdvancedQuery());
    q = advancedEdits.addGroup(q);
    const row = q.items[0] as AdvancedRow;
    const group = q.items[1] as AdvancedGroup;
    expect(group.join).toBe('or');
    q = advancedEdits.addRow(q, group.id);
    const nested = (q.items[1] as AdvancedGroup).rows[1]!;
    q = advancedEdits.updateRow(q, nested.id, { value: 'sky' });
    q = advancedEdits.updateRow(q, row.id, { operator: 'exists' });
    expect((q.items[0] as AdvancedRow).operator).toBe('exists');
    expect((q.items[1] as AdvancedGroup).rows[1]!.value).toBe('sky');
    q = advancedEdits.setJoin(q, 'and', group.id);
    q = advancedEdits.setJoin(q, 'or');
    expect(q.join).toBe('or');
    expect((q.items[1] as AdvancedGroup).join).toBe('and');
    const [first, second] = (q.items[1] as AdvancedGroup).rows;
    q = advancedEdits.remove(q, first!.id);
    expect((q.items[1] as AdvancedGroup).rows).toHaveLength(1);
    q = advancedEdits.remove(q, second!.id);
    expect(q.items).toHaveLength(1);
  });

  it('a new field keeps the operator only where it applies, and clears values of another type', () => {
    let q = advancedEdits.addRow(emptyAdvancedQuery());
    const id = q.items[0]!.id;
    q = advancedEdits.updateRow(q, id, { value: 'kite' });
    q = advancedEdits.updateRow(q, id, { field: 'repositoryMetadata.repo:size' });
    expect(q.items[0]).toMatchObject({ operator: 'between', value: '' });
    q = advancedEdits.updateRow(q, id, { operator: 'exists' });
    q = advancedEdits.updateRow(q, id, { field: 'assetMetadata.dc:title' });
    expect(q.items[0]).toMatchObject({ operator: 'exists' });
  });

  it('offers ranges only for numbers and dates', () => {
    expect(operatorsFor('text')).not.toContain('between');
    expect(operatorsFor('keyword')).not.toContain('between');
    expect(operatorsFor('number')).toContain('between');
    expect(operatorsFor('date')).toContain('between');
  });
});
