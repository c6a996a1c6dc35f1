import {
  ADVANCED_FIELDS, newAdvancedGroup, newAdvancedRow,
  type AdvancedFieldType, type AdvancedGroup, type AdvancedOperator, type AdvancedQuery, type AdvancedRow,
} from './advancedQuery.ts';

/** The operators that make sense for a field type (the API ranges only over numbers and dates). */
export function operatorsFor(type: AdvancedFieldType): AdvancedOperator[] {
  switch (type) {
    case 'text':
      return ['contains', 'is', 'isNot', 'exists'];
    case 'keyword':
      return ['is', 'isNot', 'contains', 'exists'];
    case 'number':
    case 'date':
      return ['between', 'is', 'isNot', 'exists'];
  }
}

export function fieldTypeOf(path: string): AdvancedFieldType {
  return ADVANCED_FIELDS.find((f) => f.path === path)?.type ?? 'text';
}

type RowPatch = Partial<Omit<AdvancedRow, 'kind' | 'id'>>;

/** Applies a patch to a row; a new field keeps the operator only where that field allows it. */
function patched(row: AdvancedRow, patch: RowPatch): AdvancedRow {
  const next = { ...row, ...patch };
  if (patch.field !== undefined && patch.field !== row.field) {
    const allowed = operatorsFor(fieldTypeOf(next.field));
    if (!allowed.includes(next.operator)) next.operator = allowed[0]!;
    if (fieldTypeOf(next.field) !== fieldTypeOf(row.field)) Object.assign(next, { value: '', valueTo: '' });
  }
  return next;
}

/** Every edit returns a new query (the store holds it; nothing is mutated). */
export const advancedEdits = {
  updateRow(q: AdvancedQuery, rowId: string, patch: RowPatch): AdvancedQuery {
    return {
      ...q,
      items: q.items.map((item) =>
        item.kind === 'row'
          ? item.id === rowId ? patched(item, patch) : item
          : { ...item, rows: item.rows.map((row) => (row.id === rowId ? patched(row, patch) : row)) },
      ),
    };
  },
  /** Removes a row or a group; a group whose last row goes goes too. */
  remove(q: AdvancedQuery, id: string): AdvancedQuery {
    const items: AdvancedQuery['items'] = [];
    for (const item of q.items) {
      if (item.id === id) continue;
      if (item.kind === 'group') {
        const rows = item.rows.filter((row) => row.id !== id);
        if (rows.length > 0) items.push(rows.length === item.rows.length ? item : { ...item, rows });
      } else items.push(item);
    }
    return { ...q, items };
  },
  /** A new row at the top level, or at the end of a group. */
  addRow(q: AdvancedQuery, groupId?: string): AdvancedQuery {
    if (groupId === undefined) return { ...q, items: [...q.items, newAdvancedRow()] };
    return { ...q, items: q.items.map((item) => (item.kind === 'group' && item.id === groupId ? { ...item, rows: [...item.rows, newAdvancedRow()] } : item)) };
  },
  /** A nested group (one level: groups hold rows only), joined the other way round by default. */
  addGroup(q: AdvancedQuery): AdvancedQuery {
    return { ...q, items: [...q.items, newAdvancedGroup({ join: q.join === 'and' ? 'or' : 'and' })] };
  },
  setJoin(q: AdvancedQuery, join: 'and' | 'or', groupId?: string): AdvancedQuery {
    if (groupId === undefined) return { ...q, join };
    return { ...q, items: q.items.map((item) => (item.kind === 'group' && item.id === groupId ? ({ ...item, join } satisfies AdvancedGroup) : item)) };
  },
};
