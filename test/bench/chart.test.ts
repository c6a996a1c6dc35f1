// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { budgetRatio, bundleAxis, niceAxis, renderChart, type ChartInput } from '../../bench/chart.ts';

const input: ChartInput = {
  subtitle: '2026-12-01 · test machine',
  bundles: [
    { label: 'script-tag build (React inside)', ours: true, floor: false, js: 99_600, css: 4_600, later: 11_500 },
    { label: 'react + react-dom alone', ours: false, floor: true, js: 67_700, css: 0, later: 0 },
    { label: 'a huge <picker> & friends', ours: false, floor: false, js: 1_188_600, css: 0, later: 0 },
  ],
  buildLabels: ['script-tag build', 'ESM build in a React app'],
  runtime: [
    { label: 'cold mount', unit: 'ms', budget: { limit: 400, kind: 'max' }, builds: [{ median: 300, min: 280, max: 350 }, { median: 600, min: 500, max: 700 }] },
    { label: 'DOM elements', unit: 'elements', budget: { limit: 500, kind: 'max' }, builds: [{ median: 2000, min: 2000, max: 2000 }, { median: NaN, min: NaN, max: NaN }] },
  ],
};

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const texts = (doc: Document) => [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');
const width = (el: Element) => Number(el.getAttribute('width'));

describe('renderChart', () => {
  it('is well-formed SVG whose labels are text, markup in a label included', () => {
    const doc = parse(renderChart(input));
    expect(doc.documentElement.tagName).toBe('svg');
    expect(texts(doc)).toContain('a huge <picker> & friends');
  });

  it('draws bundle bars in proportion, and cuts a bar far beyond the others instead of flattening them', () => {
    const doc = parse(renderChart(input));
    const bars = [...doc.getElementsByTagName('rect')].filter((r) => r.getAttribute('fill') === '#334155' && r.getAttribute('height') === '14');
    // The floor's JS bar and the huge page's: the huge one stops at the axis end.
    const [floor, huge] = bars.map(width);
    const { end } = bundleAxis([115_700, 67_700, 1_188_600]);
    expect(floor! / huge!).toBeCloseTo(67_700 / end, 2);
    expect(texts(doc).some((t) => t.includes('1,188.6 kB (bar cut)'))).toBe(true);
    expect(texts(doc).some((t) => t.includes('104.2 kB + 11.5 kB'))).toBe(true);
  });

  it('marks runtime figures within their budget and over it, and says when one was not measured', () => {
    const all = texts(parse(renderChart(input)));
    expect(all).toContain('300 ms ✓');
    expect(all).toContain('600 ms ✗');
    expect(all).toContain('2,000 elements ✗');
    expect(all).toContain('not measured');
    expect(all).toContain('budget ≤ 400 ms');
  });

  it('leaves out a panel without data', () => {
    const all = texts(parse(renderChart({ ...input, runtime: [], buildLabels: [] })));
    expect(all.some((t) => t.startsWith('Runtime against budgets'))).toBe(false);
    expect(all.some((t) => t.startsWith('Bundle weight'))).toBe(true);
  });
});

describe('axes and ratios', () => {
  it('picks round steps', () => {
    expect(niceAxis(124_000, 6)).toEqual({ step: 25_000, end: 125_000 });
    expect(niceAxis(9, 5)).toEqual({ step: 2, end: 10 });
  });

  it('keeps an outlier out of the bundle axis', () => {
    expect(bundleAxis([100_000, 67_000, 72_000, 1_188_000]).end).toBeLessThan(200_000);
  });

  it('measures a value against a maximum and a minimum budget', () => {
    expect(budgetRatio(200, { limit: 400, kind: 'max' })).toBe(0.5);
    expect(budgetRatio(500, { limit: 1000, kind: 'min' })).toBe(2);
    expect(budgetRatio(NaN, { limit: 1, kind: 'max' })).toBeNaN();
  });
});
