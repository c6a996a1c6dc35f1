import { describe, expect, it } from 'vitest';
import { formatNumber, formatSummary, quantile, summarize, withinBudget } from '../../bench/stats.ts';

describe('summarize', () => {
  it('gives the median and range of an odd number of runs, in any order', () => {
    expect(summarize([510, 420, 456, 470, 430])).toMatchObject({ n: 5, median: 456, min: 420, max: 510 });
  });

  it('averages the two middle runs of an even number', () => {
    expect(summarize([40, 38, 42, 39]).median).toBe(39.5);
  });

  it('interpolates quartiles between runs', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect([s.q1, s.q3]).toEqual([2, 4]);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
  });

  it('leaves out failed runs (NaN) and counts only the rest', () => {
    const s = summarize([NaN, 300, 320, Infinity, 310]);
    expect(s).toMatchObject({ n: 3, median: 310, min: 300, max: 320 });
  });

  it('has no median without runs', () => {
    expect(summarize([]).n).toBe(0);
    expect(summarize([]).median).toBeNaN();
  });
});

describe('budgets and formatting', () => {
  it('judges a maximum and a minimum, and a missing value as missing the budget', () => {
    expect(withinBudget(400, { limit: 400, kind: 'max' })).toBe(true);
    expect(withinBudget(401, { limit: 400, kind: 'max' })).toBe(false);
    expect(withinBudget(999, { limit: 1000, kind: 'min' })).toBe(false);
    expect(withinBudget(NaN, { limit: 1000, kind: 'max' })).toBe(false);
  });

  it('writes the median with the range of the runs', () => {
    expect(formatSummary(summarize([456, 420, 510]), 'ms')).toBe('456 ms (420–510)');
    expect(formatSummary(summarize([2.34, 3.61]), 'ms')).toBe('3.0 ms (2.3–3.6)');
    expect(formatSummary(summarize([585, 585, 585]), 'elements')).toBe('585 elements');
    expect(formatNumber(22_512)).toBe('22,512');
    expect(formatNumber(0.456)).toBe('0.46');
  });
});
