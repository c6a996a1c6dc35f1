import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import {
  contentTypeOf,
  extensionOf,
  negotiateFormat,
  parseRequestedFormat,
  type FormatNegotiation,
} from '../../demo/emulator/delivery/formatNegotiation.ts';
import { canonicalModifiers } from '../../demo/emulator/delivery/canonicalModifiers.ts';
import { effectiveQuality, parseModifiers } from '../../demo/emulator/delivery/modifiers.ts';

const parse = (query: string) => parseModifiers(new URLSearchParams(query));
const canon = (query: string) => canonicalModifiers(parse(query));

function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

function expect400(query: string, parameter: string): ProblemError {
  const problem = problemOf(() => parse(query));
  expect(problem.status).toBe(400);
  expect(problem.parameter).toBe(parameter);
  expect(problem.message.startsWith(`${parameter}: `)).toBe(true);
  return problem;
}

describe('parseModifiers: valid values', () => {
  it('has the documented defaults for an empty query', () => {
    expect(parse('')).toEqual({ autoFormat: true, sharpen: false, attachment: false });
    expect(effectiveQuality(parse(''))).toBe(85);
    expect(effectiveQuality(parse(''), 65)).toBe(65);
  });

  it('accepts the largest sizes', () => {
    expect(parse('width=8192&height=8192')).toMatchObject({ width: 8192, height: 8192 });
    expect(parse('width=2048&dpr=4').dpr).toBe(4);
  });

  it('reads sizes, dpr, fit, rotate and flip', () => {
    expect(parse('width=5000&height=1&dpr=1.5&fit=constrain&rotate=270&flip=hv')).toMatchObject({
      width: 5000, height: 1, dpr: 1.5, fit: 'constrain', rotate: 270, flip: 'hv',
    });
  });

  it('reads crops with up to two decimals', () => {
    expect(parse('crop=10p,10p,50p,50p').crop).toEqual({ x: 10, y: 10, width: 50, height: 50 });
    expect(parse('crop=12.5p,0p,75.25p,100p').crop).toEqual({ x: 12.5, y: 0, width: 75.25, height: 100 });
    // Exactly 100 in hundredths, although 33.33 + 66.67 is not exactly 100 in floating point.
    expect(parse('crop=33.33p,0p,66.67p,100p').crop?.width).toBe(66.67);
  });

  it('lets quality win over max-quality', () => {
    expect(effectiveQuality(parse('quality=40&max-quality=90'))).toBe(40);
    expect(effectiveQuality(parse('max-quality=70'), 65)).toBe(70);
  });

  it('reads booleans in all four spellings', () => {
    expect(parse('attachment=true').attachment).toBe(true);
    expect(parse('attachment=1').attachment).toBe(true);
    expect(parse('attachment=0').attachment).toBe(false);
    expect(parse('attachment=false').attachment).toBe(false);
    expect(parse('auto-format=false').autoFormat).toBe(false);
    expect(parse('auto-format=0&sharpen=1')).toMatchObject({ autoFormat: false, sharpen: true });
  });

  it('reads filters', () => {
    expect(parse('blur=0').blur).toBe(0);
    expect(parse('blur=100').blur).toBe(100);
    expect(parse('unsharp-mask=100,10').unsharpMask).toEqual({ amount: 100, radius: 10, threshold: 0, monochrome: false });
    expect(parse('unsharp-mask=500,0.5,255,true').unsharpMask).toEqual({ amount: 500, radius: 0.5, threshold: 255, monochrome: true });
  });

  it('reads all four colour spellings, hex case-insensitively', () => {
    expect(parse('background-color=gray,7F').backgroundColor).toEqual({ r: 127, g: 127, b: 127, alpha: 1 });
    expect(parse('background-color=graya,7fff').backgroundColor).toEqual({ r: 127, g: 127, b: 127, alpha: 1 });
    expect(parse('background-color=rgb,FF8000').backgroundColor).toEqual({ r: 255, g: 128, b: 0, alpha: 1 });
    const rgba = parse('background-color=rgba,32808000').backgroundColor;
    expect(rgba).toEqual({ r: 0x32, g: 0x80, b: 0x80, alpha: 0 });
  });

  it('accepts smart-crop profile names', () => {
    expect(parse('smartcrop=Square').smartcrop).toBe('Square');
    expect(parse('smartcrop=hero_2.wide-1').smartcrop).toBe('hero_2.wide-1');
    expect(parse('smartcrop=Square&fit=crop').fit).toBe('crop');
  });

  it('merges a preset under the explicit modifiers', () => {
    expect(parse('preset=thumbnail')).toMatchObject({ preset: 'thumbnail', width: 320, height: 320, fit: 'crop', quality: 70 });
    expect(parse('preset=thumbnail&width=500&quality=90')).toMatchObject({ width: 500, height: 320, fit: 'crop', quality: 90 });
    // A preset's size satisfies fit's need for one.
    expect(parse('preset=card&fit=constrain')).toMatchObject({ width: 640, fit: 'constrain' });
  });

  it('ignores parameters that are not modifiers', () => {
    expect(parse('v=3&_=123&width=10')).toEqual(parse('width=10'));
  });
});

describe('parseModifiers: every invalid value is a 400 naming the modifier', () => {
  const cases: Array<[string, string]> = [
    ['width=100000', 'width'], ['width=0', 'width'], ['width=abc', 'width'], ['width=1.5', 'width'],
    ['width=-5', 'width'], ['width=', 'width'], ['width=1e3', 'width'], ['height=0', 'height'], ['height=8193', 'height'],
    ['dpr=0', 'dpr'], ['dpr=4.5', 'dpr'], ['dpr=-1', 'dpr'], ['dpr=two', 'dpr'], ['width=4000&dpr=3', 'dpr'], ['height=3000&dpr=3', 'dpr'],
    ['fit=cover&width=10', 'fit'], ['fit=crop', 'fit'], ['fit=contain&dpr=2', 'fit'],
    ['crop=10p,10p,50p', 'crop'], ['crop=10,10,50,50', 'crop'], ['crop=10.123p,0p,50p,50p', 'crop'],
    ['crop=0p,0p,0p,50p', 'crop'], ['crop=-1p,0p,50p,50p', 'crop'], ['crop=a', 'crop'],
    ['crop=10p,10p,50p,50p&smartcrop=Square', 'smartcrop'], ['smartcrop=bad name', 'smartcrop'], ['smartcrop=a/b', 'smartcrop'],
    ['rotate=45', 'rotate'], ['rotate=0', 'rotate'], ['rotate=-90', 'rotate'], ['rotate=360', 'rotate'],
    ['flip=x', 'flip'], ['flip=vh', 'flip'],
    ['quality=0', 'quality'], ['quality=101', 'quality'], ['quality=high', 'quality'], ['max-quality=0', 'max-quality'],
    ['auto-format=yes', 'auto-format'], ['sharpen=on', 'sharpen'], ['attachment=yes', 'attachment'],
    ['blur=101', 'blur'], ['blur=-1', 'blur'], ['blur=1.5', 'blur'],
    ['unsharp-mask=100', 'unsharp-mask'], ['unsharp-mask=600,10', 'unsharp-mask'], ['unsharp-mask=100,1001', 'unsharp-mask'],
    ['unsharp-mask=100,10,256', 'unsharp-mask'], ['unsharp-mask=100,10,1.5', 'unsharp-mask'],
    ['unsharp-mask=100,10,10,yes', 'unsharp-mask'], ['unsharp-mask=100,10,10,true,1', 'unsharp-mask'],
    ['background-color=red', 'background-color'], ['background-color=rgb,12345', 'background-color'],
    ['background-color=rgb,GG0000', 'background-color'], ['background-color=cmyk,00000000', 'background-color'],
    ['background-color=gray,7F7F', 'background-color'],
    ['preset=nope', 'preset'],
    ['width=1&width=2', 'width'], ['quality=80&quality=80', 'quality'],
  ];
  it.each(cases)('%s → 400 naming %s', (query, parameter) => {
    expect400(query, parameter);
  });

  it('says which crop constraint failed', () => {
    expect(expect400('crop=60p,0p,50p,50p', 'crop').message).toMatch(/x-origin \+ width/);
    expect(expect400('crop=0p,60p,50p,50p', 'crop').message).toMatch(/y-origin \+ height/);
    expect(expect400('crop=10p,10p,50p,50p&smartcrop=Square', 'smartcrop').message).toMatch(/exclude each other/);
  });

  it('validates preset values overridden by explicit ones like any other', () => {
    expect400('preset=thumbnail&width=0', 'width');
  });

  const limited = [
    'layers', 'foreground-color', 'fallback', 'extend', 'clip-path', 'clip-path-names', 'brightness', 'contrast',
    'saturation', 'hue', 'colorize', 'mask', 'noise', 'invert-color', 'opacity', 'transparency', 'blending-mode',
    'erode', 'dilate', 'position', 'source', 'crop-names', 'print-resolution', 'visible', 'hide-layer',
  ];
  it.each(limited)('refuses the Limited Availability modifier %s', (name) => {
    const problem = expect400(`${name}=1`, name);
    expect(problem.message).toBe(`${name}: is a Limited Availability modifier and is not enabled on this repository`);
  });

  it.each(['width[top]', 'blur[base]', 'brightness[top]'])('refuses the layer-addressed form %s', (key) => {
    const problem = expect400(`${encodeURIComponent(key)}=5`, key);
    expect(problem.message).toMatch(/Limited Availability/);
  });
});

describe('canonicalModifiers', () => {
  it('gives equal strings for URLs that mean the same thing', () => {
    expect(canon('width=400&height=300')).toBe(canon('height=300&width=400&fit=contain'));
    expect(canon('width=200&dpr=2')).toBe(canon('width=400'));
    expect(canon('preset=card')).toBe(canon('width=640&quality=75'));
    expect(canon('max-quality=70')).toBe(canon('quality=70'));
    expect(canon('rotate=180&flip=hv')).toBe(canon(''));
    expect(canon('flip=v')).toBe(canon('rotate=180&flip=h'));
    expect(canon('rotate=90&flip=v')).toBe(canon('rotate=270&flip=h'));
    expect(canon('background-color=rgb,FF0000')).toBe(canon('background-color=rgba,ff0000ff'));
    expect(canon('crop=10.50p,0p,50p,50p')).toBe(canon('crop=10.5p,0p,50p,50p'));
    expect(canon('crop=0p,0p,100p,100p&blur=0&sharpen=false&attachment=1&auto-format=0&v=3')).toBe('');
    expect(canon('width=100&fit=crop')).toBe(canon('width=100'));
  });

  it('gives different strings for different renders', () => {
    const variants = [
      '', 'width=400', 'height=400', 'width=400&height=300', 'width=400&height=300&fit=crop', 'crop=0p,0p,50p,50p',
      'smartcrop=Square', 'smartcrop=Square&dpr=2', 'rotate=90', 'flip=h', 'quality=50', 'blur=3', 'sharpen=true',
      'unsharp-mask=100,2', 'background-color=gray,00',
    ];
    expect(new Set(variants.map(canon)).size).toBe(variants.length);
  });

  it('is sorted by key', () => {
    expect(canon('width=10&blur=2&rotate=90&quality=50')).toBe('blur=2&quality=50&rotate=90&width=10');
  });
});

describe('format negotiation', () => {
  it('parses the {format} path segment case-insensitively', () => {
    expect(['gif', 'png', 'jpg', 'JPEG', 'webp', 'AVIF'].map(parseRequestedFormat)).toEqual(['gif', 'png', 'jpeg', 'jpeg', 'webp', 'avif']);
    for (const bad of ['tiff', 'svg', '', 'jpgx']) {
      const problem = problemOf(() => parseRequestedFormat(bad));
      expect([problem.status, problem.parameter]).toEqual([400, 'format']);
    }
  });

  const chrome = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
  const base: FormatNegotiation = { requested: 'jpeg', autoFormat: true, accept: chrome, avifEntitled: true, hasAlpha: false };

  it('applies the auto-format rules', () => {
    expect(negotiateFormat(base)).toBe('avif');
    expect(negotiateFormat({ ...base, avifEntitled: false })).toBe('webp');
    expect(negotiateFormat({ ...base, accept: 'image/webp,*/*' })).toBe('webp');
    expect(negotiateFormat({ ...base, accept: 'image/avif;q=0,image/webp' })).toBe('webp');
    expect(negotiateFormat({ ...base, accept: 'image/*,*/*;q=0.8' })).toBe('jpeg');
    expect(negotiateFormat({ ...base, accept: undefined, requested: 'avif' })).toBe('jpeg');
    expect(negotiateFormat({ ...base, accept: undefined, hasAlpha: true })).toBe('png');
    expect(negotiateFormat({ ...base, accept: undefined, requested: 'gif' })).toBe('jpeg');
  });

  it('serves exactly the requested format without auto-format', () => {
    for (const requested of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      expect(negotiateFormat({ ...base, autoFormat: false, avifEntitled: false, accept: undefined, requested })).toBe(requested);
    }
  });

  it('maps formats to content types and extensions', () => {
    expect(contentTypeOf('jpeg')).toBe('image/jpeg');
    expect(contentTypeOf('avif')).toBe('image/avif');
    expect(extensionOf('jpeg')).toBe('jpg');
    expect(extensionOf('webp')).toBe('webp');
  });
});
