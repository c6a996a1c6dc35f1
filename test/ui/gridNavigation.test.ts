import { describe, expect, it } from 'vitest';
import { nextGridIndex, type GridShape } from '../../src/ui/gridNavigation.ts';

// 10 cells in rows of 4:  0 1 2 3 / 4 5 6 7 / 8 9
const shape: GridShape = { count: 10, columns: 4, pageRows: 2 };
const move = (key: string, index: number, extra: { ctrlKey?: boolean; metaKey?: boolean } = {}, s = shape) => nextGridIndex({ key, ...extra }, index, s);

describe('nextGridIndex', () => {
  it('moves by one cell left and right within a row, without wrapping', () => {
    expect(move('ArrowRight', 0)).toBe(1);
    expect(move('ArrowRight', 3)).toBe(3);
    expect(move('ArrowRight', 9)).toBe(9);
    expect(move('ArrowLeft', 5)).toBe(4);
    expect(move('ArrowLeft', 4)).toBe(4);
  });

  it('moves by a row up and down, keeping the column, onto the last cell of a short last row', () => {
    expect(move('ArrowDown', 1)).toBe(5);
    expect(move('ArrowDown', 5)).toBe(9);
    expect(move('ArrowDown', 7)).toBe(9);
    expect(move('ArrowDown', 9)).toBe(9);
    expect(move('ArrowUp', 9)).toBe(5);
    expect(move('ArrowUp', 2)).toBe(2);
  });

  it('Home and End go to the ends of the row; with Ctrl (or Cmd) to the ends of the grid', () => {
    expect(move('Home', 6)).toBe(4);
    expect(move('End', 5)).toBe(7);
    expect(move('End', 8)).toBe(9);
    expect(move('Home', 6, { ctrlKey: true })).toBe(0);
    expect(move('End', 1, { ctrlKey: true })).toBe(9);
    expect(move('End', 1, { metaKey: true })).toBe(9);
  });

  it('PageDown and PageUp move by the rows that fit, clamped to the first and last row', () => {
    expect(move('PageDown', 1)).toBe(9);
    expect(move('PageDown', 0, {}, { ...shape, pageRows: 1 })).toBe(4);
    expect(move('PageUp', 9)).toBe(1);
    expect(move('PageUp', 6, {}, { ...shape, pageRows: 5 })).toBe(2);
  });

  it('ignores other keys and empty grids, and clamps an out-of-range index', () => {
    expect(move('a', 0)).toBeUndefined();
    expect(move('Tab', 0)).toBeUndefined();
    expect(nextGridIndex({ key: 'ArrowRight' }, 0, { count: 0, columns: 4, pageRows: 1 })).toBeUndefined();
    expect(move('ArrowLeft', 42)).toBe(8);
    expect(move('ArrowRight', -3)).toBe(1);
  });

  it('works as a list with one column', () => {
    const list = { count: 3, columns: 1, pageRows: 10 };
    expect(move('ArrowDown', 0, {}, list)).toBe(1);
    expect(move('ArrowRight', 0, {}, list)).toBe(0);
    expect(move('End', 0, {}, list)).toBe(0);
    expect(move('PageDown', 0, {}, list)).toBe(2);
  });
});
