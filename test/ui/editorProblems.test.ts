import { describe, expect, it } from 'vitest';
import { clientMessages, serverMessages } from '../../src/ui/editor/editorProblems.ts';
import { standInModifiers } from '../../src/ui/editor/previewStandIn.ts';
import { patchModifiers } from '../../src/ui/editor/useEditorDraft.ts';

describe('editor messages', () => {
  it('puts client rule violations beside the control that set the modifier', () => {
    expect(clientMessages({ width: '9000', fit: 'crop' })).toEqual({ width: "width: must be an integer from 1 to 8192, got '9000'" });
    expect(clientMessages({ crop: '10p,10p,95p,10p', smartcrop: 'Square' })).toEqual({
      crop: 'crop: x + width must be at most 100p, got 10p + 95p',
      smartcrop: 'smartcrop: excludes crop; give only one of them',
    });
    expect(clientMessages({ width: '400' })).toEqual({});
  });

  it('refuses a dpr that scales a preset or a smart crop below 1 px only when it has them', () => {
    const presets = [{ name: 'thumbnail', modifiers: { width: '320', height: '320' } }];
    const smartCrops = [{ name: 'Square', width: 1080, height: 1080 }];
    expect(clientMessages({ preset: 'thumbnail', dpr: '0.001' })).toEqual({});
    expect(clientMessages({ preset: 'thumbnail', dpr: '0.001' }, { presets }).dpr).toMatch(/^dpr: width \(from preset thumbnail\) × dpr = 320 × 0.001 = 0 pixels/);
    expect(clientMessages({ smartcrop: 'Square', dpr: '0.0001' }, { presets, smartCrops }).dpr).toMatch(/^dpr: width \(from smart crop Square\)/);
    expect(clientMessages({ smartcrop: 'Square', dpr: '0.5' }, { presets, smartCrops })).toEqual({});
  });

  it("maps the server's problem by parameter, else by the detail's prefix, else to no control", () => {
    expect(serverMessages({ status: 400, detail: "rotate: must be one of 90, 180, 270, got '45'", parameter: 'rotate' }, 'x')).toEqual({
      rotate: "rotate: must be one of 90, 180, 270, got '45'",
    });
    expect(serverMessages({ detail: 'dpr: width × dpr = 5000 × 2 = 10000 pixels exceeds the maximum of 8192' }, 'x')).toHaveProperty('dpr');
    expect(serverMessages({ detail: 'fault injected by the emulator for GET /adobe/assets/urn:aaid:aem:1' }, 'x')).toHaveProperty('general');
    expect(serverMessages(undefined, 'The preview could not be rendered')).toEqual({ general: 'The preview could not be rendered' });
  });
});

describe('preview stand-in', () => {
  it('caps the width at 480 keeping the shape, and leaves small previews exact', () => {
    expect(standInModifiers({ width: '400', rotate: '90' })).toEqual({ width: '400', rotate: '90' });
    expect(standInModifiers({ width: '1920', height: '1080', quality: '50' })).toEqual({ width: '480', height: '270', quality: '50' });
    expect(standInModifiers({ width: '400', dpr: '2' })).toEqual({ width: '480' });
    expect(standInModifiers({ quality: '70' })).toEqual({ quality: '70', width: '480' });
    expect(standInModifiers({ height: '2000' })).toEqual({ height: '480' });
  });
});

describe('patchModifiers', () => {
  it('sets values and drops undefined or empty ones', () => {
    expect(patchModifiers({ width: '1', crop: '1p,1p,1p,1p' }, { crop: undefined, smartcrop: 'Square', height: '' })).toEqual({ width: '1', smartcrop: 'Square' });
  });
});
