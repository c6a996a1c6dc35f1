import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, gzipSize } from '../../build/bundleBudgets.ts';
import { filesLoadedWith, formatTable, measureBudgets } from '../../build/size.ts';

/** A dist/ in miniature: an entry with shared chunks (one imported twice), a lazy chunk and the host's React. */
const FILES: Record<string, string> = {
  'entry.js': 'import{a}from"./chunks/shared-1.js";import"./chunks/side-2.js";import{jsx}from"react/jsx-runtime";const lazy=()=>import("./chunks/lazy-3.js");export{a,lazy};',
  'chunks/shared-1.js': 'import"./side-2.js";export const a=1;'.repeat(20),
  'chunks/side-2.js': 'globalThis.sideEffect=true;'.repeat(30),
  'chunks/lazy-3.js': 'export const big="' + 'x'.repeat(5000) + '";',
  'style.css': '.a{color:red}'.repeat(40),
};

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'size-'));
  mkdirSync(join(dist, 'chunks'));
  for (const [file, code] of Object.entries(FILES)) writeFileSync(join(dist, file), code);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('npm run size', () => {
  it('counts an entry with the chunks it imports statically, once each, not its lazy chunks nor bare packages', () => {
    expect(filesLoadedWith(dist, 'entry.js').sort()).toEqual(['chunks/shared-1.js', 'chunks/side-2.js', 'entry.js']);
  });

  it('passes within budget, fails over budget and when a file is missing', () => {
    const staticPart = gzipSize(FILES['entry.js']!) + gzipSize(FILES['chunks/shared-1.js']!) + gzipSize(FILES['chunks/side-2.js']!);
    const rows = measureBudgets(dist, [
      { name: 'within', files: ['entry.js'], budget: staticPart },
      { name: 'over', files: ['entry.js'], budget: staticPart - 1 },
      { name: 'missing', files: ['gone.js'], budget: 100_000 },
      { name: 'reported', files: ['style.css'] },
    ]);
    expect(rows.map(({ name, gzip, pass }) => ({ name, gzip, pass }))).toEqual([
      { name: 'within', gzip: staticPart, pass: true },
      { name: 'over', gzip: staticPart, pass: false },
      { name: 'missing', gzip: Number.NaN, pass: false },
      { name: 'reported', gzip: gzipSize(FILES['style.css']!), pass: true },
    ]);
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^file\s+what\s+gzip\s+budget$/);
    expect(table[1]).toMatch(/^entry\.js \+ 2 chunks\s+within\s+[\d.]+ kB\s+≤ [\d.]+ kB\s+pass$/);
    expect(table[2]).toMatch(/\bFAIL$/);
    expect(table[3]).toMatch(/\bmissing\b.*\bFAIL$/);
  });

  it('names a row’s files, then the chunks they import', () => {
    const [row] = measureBudgets(dist, [{ name: 'two', files: ['style.css', 'entry.js'], budget: 100_000 }]);
    expect(row!.files).toEqual(['style.css', 'entry.js', 'chunks/shared-1.js', 'chunks/side-2.js']);
    expect(formatTable([row!]).split('\n')[1]).toMatch(/^style\.css \+ entry\.js \+ 2 chunks\s+two\b/);
  });

  it('checks the script-tag build (before first use of a part, with the editors’ script, with the repository parts’ script), the ESM build’s static part, the stylesheet and adobe-compat.js', () => {
    const checked = BUNDLE_BUDGETS.filter((b) => b.budget !== undefined).map((b) => [...b.files]);
    expect(checked).toEqual([
      ['asset-selector.iife.js'],
      ['asset-selector.iife.js', 'asset-selector.editors.js'],
      ['asset-selector.iife.js', 'asset-selector.repository.js'],
      ['asset-selector.js'],
      ['asset-selector.css'],
      ['adobe-compat.js'],
    ]);
  });
});
