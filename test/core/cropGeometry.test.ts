import { describe, expect, it } from 'vitest';
import {
  cropForKey,
  fitAspect,
  formatCrop,
  fullCrop,
  isFullCrop,
  MIN_CROP_PERCENT,
  moveCrop,
  parseCrop,
  pixelAspect,
  resizeCrop,
  roundCrop,
  type CropHandle,
  type CropRect,
} from '../../src/core/cropGeometry.ts';

const LANDSCAPE = { width: 2400, height: 1500 };
const PORTRAIT = { width: 1080, height: 1920 };
const HANDLES: CropHandle[] = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw'];
const RATIOS = [1, 4 / 3, 3 / 2, 16 / 9, 9 / 16, 4 / 5, 4];

function inside(r: CropRect) {
  const eps = 1e-9;
  expect(r.x).toBeGreaterThanOrEqual(-eps);
  expect(r.y).toBeGreaterThanOrEqual(-eps);
  expect(r.x + r.width).toBeLessThanOrEqual(100 + eps);
  expect(r.y + r.height).toBeLessThanOrEqual(100 + eps);
  expect(r.width).toBeGreaterThanOrEqual(MIN_CROP_PERCENT - eps);
  expect(r.height).toBeGreaterThanOrEqual(MIN_CROP_PERCENT - eps);
}

/** Deterministic pseudo-random numbers for the property tests. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('moveCrop', () => {
  it('moves and stops at every edge', () => {
    const r = { x: 10, y: 10, width: 50, height: 40 };
    expect(moveCrop(r, 5, -3)).toEqual({ x: 15, y: 7, width: 50, height: 40 });
    expect(moveCrop(r, -50, -50)).toEqual({ x: 0, y: 0, width: 50, height: 40 });
    expect(moveCrop(r, 500, 500)).toEqual({ x: 50, y: 60, width: 50, height: 40 });
  });
});

describe('resizeCrop without aspect', () => {
  const r = { x: 20, y: 20, width: 40, height: 40 };
  it('moves only the dragged edges', () => {
    expect(resizeCrop(r, 'e', 10, 99, LANDSCAPE)).toEqual({ x: 20, y: 20, width: 50, height: 40 });
    expect(resizeCrop(r, 'w', -10, 0, LANDSCAPE)).toEqual({ x: 10, y: 20, width: 50, height: 40 });
    expect(resizeCrop(r, 'n', 0, 5, LANDSCAPE)).toEqual({ x: 20, y: 25, width: 40, height: 35 });
    expect(resizeCrop(r, 'se', 5, 10, LANDSCAPE)).toEqual({ x: 20, y: 20, width: 45, height: 50 });
    expect(resizeCrop(r, 'nw', -30, -30, LANDSCAPE)).toEqual({ x: 0, y: 0, width: 60, height: 60 });
  });

  it('never shrinks below the minimum nor passes the opposite edge', () => {
    const shrunk = resizeCrop(r, 'e', -100, 0, LANDSCAPE);
    expect(shrunk).toEqual({ x: 20, y: 20, width: MIN_CROP_PERCENT, height: 40 });
    inside(resizeCrop(r, 'nw', 100, 100, LANDSCAPE));
  });

  it('stays inside the image for any drag (property)', () => {
    const next = random(1);
    for (let i = 0; i < 2000; i++) {
      const w = 2 + next() * 98;
      const h = 2 + next() * 98;
      const start = { x: next() * (100 - w), y: next() * (100 - h), width: w, height: h };
      inside(resizeCrop(start, HANDLES[i % 8]!, (next() - 0.5) * 240, (next() - 0.5) * 240, LANDSCAPE));
    }
  });
});

describe('aspect lock', () => {
  it('fitAspect gives the largest centred box of each ratio', () => {
    for (const image of [LANDSCAPE, PORTRAIT]) {
      for (const ratio of RATIOS) {
        const box = fitAspect(fullCrop(), ratio, image);
        inside(box);
        expect(pixelAspect(box, image)).toBeCloseTo(ratio, 6);
        // Largest: one side spans the image.
        expect(Math.max(box.width, box.height)).toBeCloseTo(100, 6);
        expect(box.x + box.width / 2).toBeCloseTo(50, 6);
      }
    }
  });

  it('fitAspect keeps the centre of the current crop where the edges allow', () => {
    const box = fitAspect({ x: 0, y: 0, width: 20, height: 20 }, 1, LANDSCAPE);
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
  });

  it('holds the ratio while resizing from any handle (property)', () => {
    const next = random(7);
    for (const image of [LANDSCAPE, PORTRAIT]) {
      for (const ratio of RATIOS) {
        let rect = fitAspect({ x: 30, y: 30, width: 20, height: 20 }, ratio, image);
        rect = resizeCrop(rect, 'se', -30, -30, image, ratio);
        for (let i = 0; i < 200; i++) {
          rect = resizeCrop(rect, HANDLES[i % 8]!, (next() - 0.5) * 30, (next() - 0.5) * 30, image, ratio);
          inside(rect);
          expect(pixelAspect(rect, image)).toBeCloseTo(ratio, 6);
        }
      }
    }
  });

  it('keeps the opposite corner fixed when dragging a corner', () => {
    const start = fitAspect({ x: 10, y: 10, width: 30, height: 30 }, 16 / 9, LANDSCAPE);
    const small = resizeCrop(start, 'se', -40, -40, LANDSCAPE, 16 / 9);
    const grown = resizeCrop(small, 'se', 10, 0, LANDSCAPE, 16 / 9);
    expect(grown.x).toBeCloseTo(small.x, 9);
    expect(grown.y).toBeCloseTo(small.y, 9);
    expect(grown.width).toBeCloseTo(small.width + 10, 9);
  });
});

describe('round trip to crop=', () => {
  it('rounds to two decimals and holds x + w ≤ 100, y + h ≤ 100 (property)', () => {
    const next = random(42);
    for (let i = 0; i < 5000; i++) {
      const w = 2 + next() * 98;
      const h = 2 + next() * 98;
      const rect = { x: next() * (100 - w), y: next() * (100 - h), width: w, height: h };
      const value = formatCrop(rect);
      const parsed = parseCrop(value);
      expect(parsed, value).toBeDefined();
      expect(parsed!.x + parsed!.width).toBeLessThanOrEqual(100);
      expect(parsed!.y + parsed!.height).toBeLessThanOrEqual(100);
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(parsed![key] - rect[key])).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(formatCrop(parsed!)).toBe(value);
    }
  });

  it('formats like the spec', () => {
    expect(formatCrop({ x: 10, y: 10, width: 50, height: 50 })).toBe('10p,10p,50p,50p');
    expect(formatCrop({ x: 12.345, y: 0.004, width: 33.333, height: 99.996 })).toBe('12.35p,0p,33.33p,100p');
    expect(formatCrop({ x: 66.666, y: 0, width: 33.336, height: 100 })).toBe('66.67p,0p,33.33p,100p');
  });

  it('parses only valid crops', () => {
    expect(parseCrop('10p,20p,30p,40p')).toEqual({ x: 10, y: 20, width: 30, height: 40 });
    for (const bad of ['60p,0p,50p,50p', '10,10,50,50', '1.234p,0p,10p,10p', '0p,0p,0p,10p', '0p,0p,100p', '-1p,0p,10p,10p']) {
      expect(parseCrop(bad), bad).toBeUndefined();
    }
  });

  it('knows a full crop needs no modifier', () => {
    expect(isFullCrop(fullCrop())).toBe(true);
    expect(isFullCrop(roundCrop({ x: 0.001, y: 0, width: 99.999, height: 100 }))).toBe(true);
    expect(isFullCrop({ x: 0, y: 0, width: 99, height: 100 })).toBe(false);
  });
});

describe('keyboard', () => {
  const r = { x: 10, y: 10, width: 40, height: 30 };
  it('arrows move, Shift+arrows resize, other keys are not handled', () => {
    expect(cropForKey(r, 'ArrowRight', false, LANDSCAPE)).toEqual({ ...r, x: 11 });
    expect(cropForKey(r, 'ArrowUp', false, LANDSCAPE, undefined, 10)).toEqual({ ...r, y: 0 });
    expect(cropForKey(r, 'ArrowRight', true, LANDSCAPE)).toEqual({ ...r, width: 41 });
    expect(cropForKey(r, 'ArrowUp', true, LANDSCAPE)).toEqual({ ...r, height: 29 });
    expect(cropForKey(r, 'Enter', false, LANDSCAPE)).toBeUndefined();
  });

  it('Shift+arrows keep a locked ratio', () => {
    const square = resizeCrop(fitAspect(r, 1, LANDSCAPE), 'se', -20, -20, LANDSCAPE, 1);
    const next = cropForKey(square, 'ArrowDown', true, LANDSCAPE, 1)!;
    expect(pixelAspect(next, LANDSCAPE)).toBeCloseTo(1, 9);
    expect(next.height).toBeCloseTo(square.height + 1, 9);
  });
});
