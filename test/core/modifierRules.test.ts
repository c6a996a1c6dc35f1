import { describe, expect, it } from 'vitest';
import { validateModifiers } from '../../src/core/modifierRules.ts';
import { parseModifiers as emulatorParseModifiers } from '../../demo/emulator/delivery/modifiers.ts';
import { IMAGE_PRESETS } from '../../demo/emulator/delivery/imagePresets.ts';
import { resolveTarget } from '../../demo/emulator/delivery/renderGeometry.ts';
import { SMART_CROP_PROFILES } from '../../demo/emulator/smartcrop/smartCropProfiles.ts';

type Case = [Record<string, string>, string | undefined];

/** [modifiers, the modifier reported (undefined: valid)]. */
const CASES: Record<string, Case[]> = {
  'width and height: integers 1–8192': [
    [{ width: '0' }, 'width'],
    [{ width: '1' }, undefined],
    [{ width: '8192' }, undefined],
    [{ width: '8193' }, 'width'],
    [{ width: '100.5' }, 'width'],
    [{ width: '1e3' }, 'width'],
    [{ width: '-5' }, 'width'],
    [{ width: 'abc' }, 'width'],
    [{ height: '0' }, 'height'],
    [{ height: '1' }, undefined],
    [{ height: '8192' }, undefined],
    [{ height: '8193' }, 'height'],
  ],
  'dpr: (0, 4], and width/height × dpr ≤ 8192': [
    [{ width: '100', dpr: '0' }, 'dpr'],
    [{ width: '100', dpr: '0.01' }, undefined],
    [{ width: '100', dpr: '4' }, undefined],
    [{ width: '100', dpr: '4.01' }, 'dpr'],
    [{ width: '100', dpr: 'x' }, 'dpr'],
    [{ width: '4096', dpr: '2' }, undefined],
    [{ width: '4097', dpr: '2' }, 'dpr'],
    [{ height: '3000', dpr: '3' }, 'dpr'],
    [{ width: '1', dpr: '0.4' }, 'dpr'],
    [{ height: '1', dpr: '0.3' }, 'dpr'],
    [{ width: '2', dpr: '0.3' }, undefined],
    [{ dpr: '0.001' }, undefined],
  ],
  'fit: contain, constrain or crop, with a size': [
    [{ width: '10', fit: 'contain' }, undefined],
    [{ width: '10', fit: 'constrain' }, undefined],
    [{ height: '10', fit: 'crop' }, undefined],
    [{ width: '10', fit: 'cover' }, 'fit'],
    [{ fit: 'crop' }, 'fit'],
    [{ fit: 'crop', smartcrop: 'Square' }, undefined],
  ],
  'crop: Xp,Yp,Wp,Hp, ≤ 2 decimals, X+W ≤ 100, Y+H ≤ 100': [
    [{ crop: '50p,0p,50p,50p' }, undefined],
    [{ crop: '60p,0p,50p,50p' }, 'crop'],
    [{ crop: '0p,50p,50p,50p' }, undefined],
    [{ crop: '0p,50.01p,50p,50p' }, 'crop'],
    [{ crop: '33.33p,0p,66.67p,100p' }, undefined],
    [{ crop: '10.25p,10p,50p,50p' }, undefined],
    [{ crop: '10.125p,10p,50p,50p' }, 'crop'],
    [{ crop: '0p,0p,0p,50p' }, 'crop'],
    [{ crop: '0p,0p,100p,100p' }, undefined],
    [{ crop: '10,10,50,50' }, 'crop'],
    [{ crop: '10p,10p,50p' }, 'crop'],
    [{ crop: '10p, 10p,50p,50p' }, 'crop'],
    [{ crop: '-1p,0p,50p,50p' }, 'crop'],
  ],
  'crop and smartcrop exclude each other': [
    [{ smartcrop: 'Landscape' }, undefined],
    [{ crop: '0p,0p,50p,50p', smartcrop: 'Landscape' }, 'smartcrop'],
    [{ smartcrop: 'has space' }, 'smartcrop'],
  ],
  'rotate: 90, 180 or 270': [
    [{ rotate: '90' }, undefined],
    [{ rotate: '180' }, undefined],
    [{ rotate: '270' }, undefined],
    [{ rotate: '45' }, 'rotate'],
    [{ rotate: '0' }, 'rotate'],
    [{ rotate: '360' }, 'rotate'],
  ],
  'flip: h, v or hv': [
    [{ flip: 'h' }, undefined],
    [{ flip: 'v' }, undefined],
    [{ flip: 'hv' }, undefined],
    [{ flip: 'vh' }, 'flip'],
    [{ flip: 'x' }, 'flip'],
  ],
  'quality and max-quality: integers 1–100': [
    [{ quality: '0' }, 'quality'],
    [{ quality: '1' }, undefined],
    [{ quality: '100' }, undefined],
    [{ quality: '101' }, 'quality'],
    [{ quality: '50.5' }, 'quality'],
    [{ 'max-quality': '0' }, 'max-quality'],
    [{ 'max-quality': '100' }, undefined],
    [{ 'max-quality': '101' }, 'max-quality'],
  ],
  'blur: integer 0–100': [
    [{ blur: '0' }, undefined],
    [{ blur: '100' }, undefined],
    [{ blur: '101' }, 'blur'],
    [{ blur: '-1' }, 'blur'],
  ],
  'booleans: true, false, 1, 0': [
    [{ 'auto-format': 'false' }, undefined],
    [{ 'auto-format': '1' }, undefined],
    [{ 'auto-format': 'yes' }, 'auto-format'],
    [{ sharpen: 'true' }, undefined],
    [{ sharpen: 'TRUE' }, 'sharpen'],
    [{ attachment: '0' }, undefined],
    [{ attachment: 'no' }, 'attachment'],
  ],
  'unsharp-mask: amount,radius[,threshold[,monochrome]]': [
    [{ 'unsharp-mask': '100,10' }, undefined],
    [{ 'unsharp-mask': '100,10,10,true' }, undefined],
    [{ 'unsharp-mask': '500,1000,255,false' }, undefined],
    [{ 'unsharp-mask': '501,10' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '100,1001' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '100,10,256' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '100,10,1.5' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '100,10,10,yes' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '100' }, 'unsharp-mask'],
    [{ 'unsharp-mask': '1,2,3,true,5' }, 'unsharp-mask'],
  ],
  'background-color: gray,HH graya,HHHH rgb,HHHHHH rgba,HHHHHHHH': [
    [{ 'background-color': 'gray,7F' }, undefined],
    [{ 'background-color': 'graya,7fff' }, undefined],
    [{ 'background-color': 'rgb,808080' }, undefined],
    [{ 'background-color': 'rgba,FF000080' }, undefined],
    [{ 'background-color': 'rgb,8080' }, 'background-color'],
    [{ 'background-color': 'rgb,GG0000' }, 'background-color'],
    [{ 'background-color': 'red' }, 'background-color'],
    [{ 'background-color': 'cmyk,00000000' }, 'background-color'],
  ],
  'preset: a name': [
    [{ preset: 'card' }, undefined],
    [{ preset: 'card', fit: 'crop' }, undefined],
    [{ preset: 'not a name' }, 'preset'],
  ],
  'Limited Availability and layer forms are refused; other parameters pass': [
    [{ brightness: '10' }, 'brightness'],
    [{ 'width[1]': '10' }, 'width[1]'],
    [{ v: '3' }, undefined],
  ],
  'empty values mean "not set"': [
    [{ width: '', rotate: '' }, undefined],
    [{ fit: 'crop', width: '' }, 'fit'],
  ],
};

describe('validateModifiers', () => {
  for (const [rule, cases] of Object.entries(CASES)) {
    describe(rule, () => {
      it.each(cases)('%j → %s', (modifiers, reported) => {
        const issues = validateModifiers(modifiers);
        if (reported === undefined) expect(issues).toEqual([]);
        else {
          expect(issues.map((i) => i.modifier)).toEqual([reported]);
          expect(issues[0]!.message.startsWith(`${reported}:`)).toBe(true);
        }
      });
    });
  }

  it('reports every problem, each naming its modifier', () => {
    const issues = validateModifiers({ width: '0', rotate: '45', quality: '0' });
    expect(issues.map((i) => i.modifier)).toEqual(['width', 'rotate', 'quality']);
    expect(issues[1]!.message).toBe("rotate: must be one of 90, 180, 270, got '45'");
  });

  it('agrees with the emulator on every case (presets and smart crops it knows)', () => {
    for (const cases of Object.values(CASES)) {
      for (const [modifiers] of cases) {
        if ((modifiers.preset && modifiers.preset !== 'card') || 'v' in modifiers) continue;
        const query = new URLSearchParams(Object.entries(modifiers).filter(([, v]) => v !== ''));
        let emulatorOk = true;
        try {
          emulatorParseModifiers(query);
        } catch {
          emulatorOk = false;
        }
        expect(validateModifiers(modifiers).length === 0, JSON.stringify(modifiers)).toBe(emulatorOk);
      }
    }
  });
});

describe('dpr scales preset and smart-crop sizes too, with the repository at hand', () => {
  const context = { presets: IMAGE_PRESETS, smartCrops: SMART_CROP_PROFILES };

  /** The emulator's refusal: while parsing, or (smart crops) when it plans the render. */
  function emulatorDetail(modifiers: Record<string, string>): string | undefined {
    try {
      const parsed = emulatorParseModifiers(new URLSearchParams(modifiers));
      const profile = SMART_CROP_PROFILES.find((p) => p.name === parsed.smartcrop);
      resolveTarget(parsed, { width: 2400, height: 1500 }, profile, 2048);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  it.each([
    [{ width: '1', dpr: '0.4' }],
    [{ height: '1', dpr: '0.3' }],
    [{ smartcrop: 'Square', dpr: '0.0001' }],
    [{ preset: 'thumbnail', dpr: '0.001' }],
    [{ preset: 'hero', height: '1', dpr: '0.2' }],
    [{ smartcrop: 'Banner', dpr: '0.0009' }],
  ])('%j: refused with the message the emulator sends', (modifiers) => {
    const issues = validateModifiers(modifiers, context);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.modifier).toBe('dpr');
    expect(issues[0]!.message).toBe(emulatorDetail(modifiers));
  });

  it.each([
    [{ preset: 'thumbnail', dpr: '0.01' }],
    [{ preset: 'thumbnail', width: '800', dpr: '0.01' }],
    [{ smartcrop: 'Square', dpr: '0.5' }],
    [{ smartcrop: 'Banner', dpr: '4' }],
    [{ preset: 'print-preview', dpr: '4' }],
    [{ smartcrop: 'Square', width: '100', dpr: '0.01' }],
  ])('%j: accepted by both', (modifiers) => {
    expect(validateModifiers(modifiers, context)).toEqual([]);
    expect(emulatorDetail(modifiers)).toBeUndefined();
  });

  it('without the presets and smart crops, only explicit sizes can be checked', () => {
    expect(validateModifiers({ preset: 'thumbnail', dpr: '0.001' })).toEqual([]);
    expect(validateModifiers({ width: '1', dpr: '0.4' })[0]!.message).toBe('dpr: width × dpr = 1 × 0.4 = 0 pixels; the result must be from 1 to 8192');
  });
});
