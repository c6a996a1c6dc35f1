import { describe, expect, it } from 'vitest';
import { gridLayout } from '../../src/ui/gridLayout.ts';

describe('gridLayout', () => {
  // What a person sees at each width: cards per row, the thumbnail's CSS width, and the height of a
  // row (a 4:3 thumbnail, its two-line caption and the gap), worked out by hand.
  it.each([
    [1000, { columns: 5, thumbWidth: 186, rowHeight: 199 }],
    [720, { columns: 3, thumbWidth: 224, rowHeight: 228 }],
    [384, { columns: 2, thumbWidth: 174, rowHeight: 191 }],
    // Narrow: smaller cards, so a phone still gets two per row.
    [326, { columns: 2, thumbWidth: 145, rowHeight: 169 }],
    [250, { columns: 1, thumbWidth: 226, rowHeight: 230 }],
    // Not measured yet: one minimal card, so the first frame still has sensible rows.
    [0, { columns: 1, thumbWidth: 168, rowHeight: 186 }],
  ])('a grid %i px wide has %o', (width, expected) => {
    expect(gridLayout(width, 'grid')).toEqual(expected);
  });

  it('lists one asset per row, 64 px tall with a 48 px thumbnail, at any width', () => {
    expect(gridLayout(1000, 'list')).toEqual({ columns: 1, thumbWidth: 48, rowHeight: 64 });
    expect(gridLayout(320, 'list')).toEqual({ columns: 1, thumbWidth: 48, rowHeight: 64 });
  });
});
