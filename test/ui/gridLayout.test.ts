import { describe, expect, it } from 'vitest';
import { gridLayout, LIST_ROW_HEIGHT } from '../../src/ui/gridLayout.ts';

describe('gridLayout', () => {
  it('fits as many cards of at least 168px as the width allows', () => {
    expect(gridLayout(1000, 'grid').columns).toBe(5);
    expect(gridLayout(384, 'grid').columns).toBe(2);
    // Narrow: smaller cards, so a phone still gets two per row.
    expect(gridLayout(326, 'grid').columns).toBe(2);
    expect(gridLayout(250, 'grid').columns).toBe(1);
    expect(gridLayout(0, 'grid').columns).toBe(1);
  });

  it('makes rows as tall as a 4:3 thumbnail plus its caption and the gap', () => {
    const { thumbWidth, rowHeight } = gridLayout(1000, 'grid');
    expect(thumbWidth).toBe(186);
    expect(rowHeight).toBe(Math.round((((1000 - 24 - 48) / 5) * 3) / 4 + 48 + 12));
  });

  it('lists one asset per row of fixed height', () => {
    expect(gridLayout(1000, 'list')).toMatchObject({ columns: 1, rowHeight: LIST_ROW_HEIGHT });
  });
});
