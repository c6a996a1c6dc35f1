import { describe, expect, it } from 'vitest';
import type { Machine, Results } from '../../bench/results.ts';
import { mergeRuntime } from '../../bench/results.ts';
import { fileName, renderReport } from '../../bench/reportMarkdown.ts';
import type { RuntimeFigure } from '../../bench/runtime/figures.ts';

const machine: Machine = { cpu: 'Test CPU', cores: 2, ramGB: 8, os: 'Linux 6', node: 'v20.20.2', chromium: '156.0', packages: { vite: '8.3.8' }, load: 1.5 };
const stamp = (at: string) => ({ at, seconds: 12, machine });
const builds = [
  { id: 'script-tag', label: 'script-tag build (React inside)' },
  { id: 'esm-react', label: 'ESM build in a React 19.3 app' },
];
const figure = (key: string, section: string, samples: Record<string, number[]>): RuntimeFigure => ({
  key,
  label: key,
  short: key,
  unit: 'ms',
  budget: { limit: 400, kind: 'max' },
  section,
  builds: Object.fromEntries(Object.entries(samples).map(([id, s]) => [id, { samples: s }])),
});

describe('mergeRuntime', () => {
  it('replaces one section\'s figures, keeps the others and orders sections as the report does', () => {
    let runtime = mergeRuntime(undefined, 'editor', stamp('2026-12-01T10:00:00Z'), [figure('editor-url', 'editor', { 'script-tag': [2] })], builds);
    runtime = mergeRuntime(runtime, 'selector', stamp('2026-12-01T11:00:00Z'), [figure('mount-cold', 'selector', { 'script-tag': [500] })], builds);
    runtime = mergeRuntime(runtime, 'selector', stamp('2026-12-01T12:00:00Z'), [figure('mount-cold', 'selector', { 'script-tag': [300] })], builds);
    expect(runtime.figures.map((f) => f.key)).toEqual(['mount-cold', 'editor-url']);
    expect(runtime.figures[0]!.builds['script-tag']!.samples).toEqual([300]);
    expect(Object.keys(runtime.sections).sort()).toEqual(['editor', 'selector']);
    expect(runtime.figures[0]!.builds['script-tag']!.label).toBe('script-tag build (React inside)');
  });
});

describe('renderReport', () => {
  const results: Results = {
    runtime: mergeRuntime(undefined, 'selector', stamp('2026-12-01T12:00:00Z'), [figure('mount-cold', 'selector', { 'script-tag': [456, 420, 510], 'esm-react': [380, 390, 395] })], builds),
  };

  it('puts each build in a column with median, range, runs and the budget verdict', () => {
    const md = renderReport(results);
    expect(md).toContain('| figure | budget | script-tag build (React inside) | ESM build in a React 19.3 app |');
    expect(md).toContain('| mount-cold | ≤ 400 ms | 456 ms (420–510), n=3 **✗ over** | 390 ms (380–395), n=3 ✓ |');
  });

  it('records the machine, the versions and when and under what load each section ran', () => {
    const md = renderReport(results);
    expect(md).toContain('| CPU | Test CPU, 2 cores, 8.0 GB RAM');
    expect(md).toContain('| packages | vite 8.3.8 |');
    expect(md).toContain('| selector | 2026-12-01 12:00 UTC | 12 s | 1.5 |');
  });

  it('says how the emulator serving Chromium was scheduled, when a runtime section recorded it', () => {
    expect(renderReport(results)).not.toContain('emulator beside Chromium');
    const served = { ...machine, emulator: 'its main thread under SCHED_FIFO' };
    const md = renderReport({ ...results, runtime: { ...results.runtime!, sections: { selector: { at: '2026-12-01T12:00:00Z', seconds: 12, machine: served } } } });
    expect(md).toContain('| emulator beside Chromium (runtime sections) | its main thread under SCHED_FIFO |');
  });

  it('says when a column\'s figures were measured on a build that has changed since', () => {
    const renamed = { ...results, runtime: { ...results.runtime!, builds: [{ id: 'script-tag', label: 'script-tag build (Preact inside)' }, builds[1]!] } };
    expect(renderReport(renamed)).toContain('(measured on the script-tag build (React inside))');
  });
});

describe('fileName', () => {
  it('drops the content hashes vite adds, and keeps names without one', () => {
    expect(fileName('/dist/demo/bench/ours-esm-react/assets/ImageEditor-DFoe5Eos-CawttB3L.js')).toBe('ImageEditor.js');
    expect(fileName('/x/messages.de-Wfo4BkKa-Wfo4BkKa.js')).toBe('messages.de.js');
    expect(fileName('/dist/asset-selector.extras.js')).toBe('asset-selector.extras.js');
    expect(fileName('/dist/i18n/de.json')).toBe('de.json');
    expect(fileName('/dist/asset-selector.css')).toBe('asset-selector.css');
  });
});
