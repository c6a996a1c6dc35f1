import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatKB, gzipSize, kindOf, measureFile, tallyLoads } from '../../bench/sizes.ts';

describe('kindOf', () => {
  it('goes by the content type a server sent', () => {
    expect(kindOf('/a/index-x.js', 'text/javascript; charset=utf-8')).toBe('js');
    expect(kindOf('/x', 'application/javascript')).toBe('js');
    expect(kindOf('/x', 'text/css')).toBe('css');
    expect(kindOf('/dist/i18n/de.json', 'application/json')).toBe('other');
    expect(kindOf('/thumb.webp', 'image/webp')).toBe('other');
  });

  it('falls back to the path when there is no type', () => {
    expect(kindOf('http://h/dist/asset-selector.iife.js?v=1')).toBe('js');
    expect(kindOf('/assets/index.css', 'application/octet-stream')).toBe('css');
    expect(kindOf('/assets/font.woff2')).toBe('other');
  });
});

describe('measuring loaded files', () => {
  it('counts gzip at level 9 over the bytes received', () => {
    const code = 'export const greeting = "hello";\n'.repeat(200);
    const measured = measureFile('/a.js', 'text/javascript', Buffer.from(code));
    expect(measured).toMatchObject({ kind: 'js', raw: code.length });
    expect(measured.gzip).toBe(gzipSync(code, { level: 9 }).length);
    expect(measured.gzip).toBeLessThan(code.length / 10);
    expect(gunzipSync(gzipSync(code, { level: 9 })).toString()).toBe(code);
    expect(gzipSize(code)).toBe(measured.gzip);
  });

  it('adds JS and CSS apart, leaves out everything else and counts a URL once', () => {
    const files = [
      { url: '/a.js', kind: 'js' as const, raw: 1000, gzip: 300 },
      { url: '/b.js', kind: 'js' as const, raw: 500, gzip: 200 },
      { url: '/a.js', kind: 'js' as const, raw: 1000, gzip: 300 },
      { url: '/s.css', kind: 'css' as const, raw: 400, gzip: 100 },
      { url: '/t.webp', kind: 'other' as const, raw: 9000, gzip: 9000 },
    ];
    expect(tallyLoads(files)).toEqual({ js: { raw: 1500, gzip: 500, files: 2 }, css: { raw: 400, gzip: 100, files: 1 } });
  });

  it('writes decimal kilobytes', () => {
    expect(formatKB(67_692)).toBe('67.7 kB');
    expect(formatKB(1_188_574)).toBe('1,188.6 kB');
  });
});
