import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../demo/emulator/http/problem.ts';
import type { OutputFormat } from '../../demo/emulator/delivery/formatNegotiation.ts';
import { canonicalModifiers } from '../../demo/emulator/delivery/canonicalModifiers.ts';
import { parseModifiers, type Modifiers } from '../../demo/emulator/delivery/modifiers.ts';
import { renderImage, type RenderInput } from '../../demo/emulator/delivery/renderImage.ts';
import type { SmartCropTarget } from '../../demo/emulator/delivery/renderGeometry.ts';

const photo = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../demo/catalog/${name}`, import.meta.url)));

let kite: Buffer; // 2400 × 1500
let cat: Buffer; // 451 × 300
let astronaut: Buffer; // 512 × 512
/** 40 × 20 PNG: left half red, right half blue, so every turn and mirror is visible. */
let redBlue: Buffer;
/** 20 × 20 PNG, fully transparent. */
let transparent: Buffer;

beforeAll(async () => {
  kite = photo('kite.jpg');
  cat = photo('chelsea-cat.jpg');
  astronaut = photo('astronaut.jpg');
  const blue = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  redBlue = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: blue, left: 20, top: 0 }])
    .png()
    .toBuffer();
  transparent = await sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
});

async function render(source: Buffer, query: string, format: OutputFormat = 'jpeg', extra: Partial<RenderInput> = {}) {
  return renderImage({ source, modifiers: parseModifiers(new URLSearchParams(query)), format, ...extra });
}

async function sizeOf(data: Buffer): Promise<[number, number]> {
  const meta = await sharp(data).metadata();
  return [meta.width, meta.height];
}

/** Decoded RGBA pixels, for comparing renders pixel by pixel. */
async function rgba(data: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data: px, info } = await sharp(data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: px, width: info.width, height: info.height };
}

async function pixel(data: Buffer, x: number, y: number): Promise<number[]> {
  const img = await rgba(data);
  const i = (y * img.width + x) * 4;
  return [...img.data.subarray(i, i + 4)];
}

function meanDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

const near = (actual: number[], expected: number[], tolerance = 8): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThanOrEqual(tolerance));
};

describe('renderImage: sizes', () => {
  it('caps the default width at 2048 and keeps the aspect ratio', async () => {
    const out = await render(kite, '');
    expect([out.width, out.height]).toEqual([2048, 1280]);
    expect(await sizeOf(out.data)).toEqual([2048, 1280]);
    expect(out.contentType).toBe('image/jpeg');
  });

  it('uses the endpoint default width and never upscales by default', async () => {
    expect(await sizeOf((await render(kite, '', 'jpeg', { defaultWidth: 1024 })).data)).toEqual([1024, 640]);
    expect(await sizeOf((await render(cat, '')).data)).toEqual([451, 300]);
  });

  it('upscales when a size is asked for, and derives the other side', async () => {
    expect(await sizeOf((await render(cat, 'width=902')).data)).toEqual([902, 600]);
    expect(await sizeOf((await render(kite, 'height=150')).data)).toEqual([240, 150]);
  });

  it('multiplies requested sizes by dpr', async () => {
    expect(await sizeOf((await render(kite, 'width=100&dpr=2')).data)).toEqual([200, 125]);
    expect(await sizeOf((await render(kite, 'width=100&height=100&dpr=1.5&fit=crop')).data)).toEqual([150, 150]);
  });

  it('fits both sides as contain, constrain or crop', async () => {
    expect(await sizeOf((await render(kite, 'width=400&height=400')).data)).toEqual([400, 400]);
    expect(await sizeOf((await render(kite, 'width=400&height=400&fit=contain')).data)).toEqual([400, 400]);
    expect(await sizeOf((await render(kite, 'width=400&height=400&fit=constrain')).data)).toEqual([400, 250]);
    expect(await sizeOf((await render(kite, 'width=400&height=400&fit=crop')).data)).toEqual([400, 400]);
    expect(await sizeOf((await render(astronaut, 'width=300&height=100&fit=constrain')).data)).toEqual([100, 100]);
  });

  it('pads fit=contain with white for JPEG, transparency for PNG, or the background-color', async () => {
    const jpeg = await render(kite, 'width=200&height=200');
    near(await pixel(jpeg.data, 100, 2), [255, 255, 255, 255]);
    const png = await render(kite, 'width=200&height=200', 'png');
    expect((await pixel(png.data, 100, 2))[3]).toBe(0);
    const red = await render(kite, 'width=200&height=200&background-color=rgb,ff0000', 'png');
    expect(await pixel(red.data, 100, 2)).toEqual([255, 0, 0, 255]);
    // fit=crop fills the box with the picture itself.
    expect((await pixel((await render(kite, 'width=200&height=200&fit=crop', 'png')).data, 100, 2))[3]).toBe(255);
  });

  it('applies a preset, and explicit modifiers override it', async () => {
    expect(await sizeOf((await render(kite, 'preset=thumbnail')).data)).toEqual([320, 320]);
    expect(await sizeOf((await render(kite, 'preset=thumbnail&height=100')).data)).toEqual([320, 100]);
  });

  it('keeps both sides within 8192 when one side is derived', async () => {
    const tall = await sharp({ create: { width: 10, height: 1000, channels: 3, background: '#888' } }).png().toBuffer();
    expect(await sizeOf((await render(tall, 'width=8192', 'png')).data)).toEqual([82, 8192]);
  });

  it('refuses fit without any size', async () => {
    const modifiers: Modifiers = { autoFormat: true, sharpen: false, attachment: false, fit: 'crop' };
    const error = await renderImage({ source: kite, modifiers, format: 'jpeg' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, parameter: 'fit' });
  });
});

describe('renderImage: crop, rotate, flip', () => {
  it('crops in percent of the original', async () => {
    const out = await render(kite, 'crop=0p,0p,50p,50p');
    expect(await sizeOf(out.data)).toEqual([1200, 750]);
    const cropped = await render(kite, 'crop=25p,20p,10p,10p', 'png');
    const reference = await sharp(kite).extract({ left: 600, top: 300, width: 240, height: 150 }).png().toBuffer();
    expect(meanDifference((await rgba(cropped.data)).data, (await rgba(reference)).data)).toBeLessThan(0.5);
  });

  it('keeps at least one pixel of a tiny crop', async () => {
    expect(await sizeOf((await render(cat, 'crop=99.99p,99.99p,0.01p,0.01p', 'png')).data)).toEqual([1, 1]);
  });

  it('turns clockwise and swaps the aspect ratio', async () => {
    const out = await render(kite, 'rotate=90&width=400');
    expect(await sizeOf(out.data)).toEqual([400, 640]);
    expect(await sizeOf((await render(kite, 'rotate=180&width=400')).data)).toEqual([400, 250]);
    const turned = await render(redBlue, 'rotate=90', 'png');
    expect(await sizeOf(turned.data)).toEqual([20, 40]);
    expect(await pixel(turned.data, 10, 5)).toEqual([255, 0, 0, 255]); // the left edge is now on top
    expect(await pixel(turned.data, 10, 35)).toEqual([0, 0, 255, 255]);
  });

  it('sizes the output after rotation for every fit', async () => {
    for (const fit of ['contain', 'constrain', 'crop'] as const) {
      // Constrained into 300 × 100: 1500 × 2400 → 63 × 100; 2400 × 1500 → 160 × 100; 1500 × 1200 → 125 × 100.
      const constrained: Record<string, number[]> = {
        'rotate=90': [63, 100], 'rotate=270&flip=h': [63, 100], 'flip=v': [160, 100], 'crop=0p,0p,50p,100p&rotate=90': [125, 100],
      };
      for (const [extra, size] of Object.entries(constrained)) {
        const out = await render(kite, `width=300&height=100&fit=${fit}&${extra}`);
        const expected = fit === 'constrain' ? size : [300, 100];
        expect(await sizeOf(out.data), `${fit} ${extra}`).toEqual(expected);
      }
    }
    // Turned then cover-cropped: the same pixels as doing it step by step.
    const out = await render(cat, 'rotate=90&width=100&height=100&fit=crop', 'png');
    const turned = await sharp(cat).rotate(90).png().toBuffer();
    const reference = await sharp(turned).resize(100, 100, { fit: 'cover' }).png().toBuffer();
    expect(meanDifference((await rgba(out.data)).data, (await rgba(reference)).data)).toBeLessThan(2);
  });

  it('mirrors with flip', async () => {
    const mirrored = await render(redBlue, 'flip=h', 'png');
    expect(await pixel(mirrored.data, 5, 10)).toEqual([0, 0, 255, 255]);
    expect(await pixel(mirrored.data, 35, 10)).toEqual([255, 0, 0, 255]);
    // A photo is not symmetric: its mirrored crop is the reference crop, flopped.
    const flipped = await render(cat, 'crop=10p,20p,30p,40p&flip=h', 'png');
    const reference = await sharp(cat).extract({ left: 45, top: 60, width: 135, height: 120 }).flop().png().toBuffer();
    expect(meanDifference((await rgba(flipped.data)).data, (await rgba(reference)).data)).toBeLessThan(0.5);
    const plain = await render(cat, 'crop=10p,20p,30p,40p', 'png');
    expect(meanDifference((await rgba(flipped.data)).data, (await rgba(plain.data)).data)).toBeGreaterThan(5);
  });

  it('crops the original, then turns, then flips, for every combination', async () => {
    const cut = await sharp(cat).extract({ left: 45, top: 60, width: 135, height: 120 }).png().toBuffer();
    for (const rotate of [undefined, 90, 180, 270] as const) {
      for (const flip of [undefined, 'h', 'v', 'hv'] as const) {
        let reference = rotate ? await sharp(cut).rotate(rotate).png().toBuffer() : cut;
        if (flip === 'h' || flip === 'hv') reference = await sharp(reference).flop().png().toBuffer();
        if (flip === 'v' || flip === 'hv') reference = await sharp(reference).flip().png().toBuffer();
        const query = ['crop=10p,20p,30p,40p', rotate && `rotate=${rotate}`, flip && `flip=${flip}`].filter(Boolean).join('&');
        const out = await render(cat, query, 'png');
        const [a, b] = [await rgba(out.data), await rgba(reference)];
        expect([a.width, a.height], query).toEqual([b.width, b.height]);
        expect(meanDifference(a.data, b.data), query).toBeLessThan(0.5);
      }
    }
  });

  it('honours EXIF orientation before cropping and sizing', async () => {
    // Stored 40 × 20 red|blue, tagged "rotate 90° clockwise to display": displayed 20 × 40, red on top.
    const tagged = await sharp(redBlue).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const out = await render(tagged, '', 'png');
    expect(await sizeOf(out.data)).toEqual([20, 40]);
    near(await pixel(out.data, 10, 5), [255, 0, 0, 255], 40);
    const topHalf = await render(tagged, 'crop=0p,0p,100p,50p', 'png');
    expect(await sizeOf(topHalf.data)).toEqual([20, 20]);
    near(await pixel(topHalf.data, 10, 15), [255, 0, 0, 255], 40);
    // rotate turns what is displayed: red on top, turned clockwise, ends up on the right.
    const turned = await render(tagged, 'rotate=90', 'png');
    expect(await sizeOf(turned.data)).toEqual([40, 20]);
    near(await pixel(turned.data, 35, 10), [255, 0, 0, 255], 40);
    const flipped = await render(tagged, 'flip=v&crop=0p,0p,100p,50p', 'png');
    near(await pixel(flipped.data, 10, 15), [255, 0, 0, 255], 40);
  });
});

describe('renderImage: smart crops', () => {
  // The Landscape box of kite: full width, 1350 of 1500 rows, i.e. 16:9.
  const landscape: SmartCropTarget = { crop: { x: 0, y: 0.05, width: 1, height: 0.9 }, width: 1920, height: 1080 };

  it('delivers the profile size by default, and keeps the box aspect with a width', async () => {
    const small = { ...landscape, width: 320, height: 180 };
    expect(await sizeOf((await render(kite, 'smartcrop=Landscape', 'jpeg', { smartCrop: small })).data)).toEqual([320, 180]);
    expect(await sizeOf((await render(kite, 'smartcrop=Landscape&width=160', 'jpeg', { smartCrop: landscape })).data)).toEqual([160, 90]);
    expect(await sizeOf((await render(kite, 'smartcrop=Landscape&dpr=2', 'jpeg', { smartCrop: small })).data)).toEqual([640, 360]);
    expect(await sizeOf((await render(kite, 'smartcrop=Landscape&rotate=90', 'jpeg', { smartCrop: small })).data)).toEqual([180, 320]);
  });

  it('needs the caller to resolve the crop', async () => {
    await expect(render(kite, 'smartcrop=Landscape')).rejects.toThrow(/resolved by the caller/);
  });
});

describe('renderImage: quality, filters, background', () => {
  it('encodes lower quality in fewer bytes, quality winning over max-quality', async () => {
    const low = await render(kite, 'width=600&quality=10');
    const high = await render(kite, 'width=600&quality=90');
    expect(low.data.length).toBeLessThan(high.data.length);
    expect((await render(kite, 'width=600&quality=90&max-quality=10')).data).toEqual(high.data);
    expect((await render(kite, 'width=600&max-quality=10')).data).toEqual(low.data);
    const convenience = await render(kite, 'width=600', 'jpeg', { defaultQuality: 65 });
    expect(convenience.data.length).toBeLessThan((await render(kite, 'width=600')).data.length);
  });

  it('blurs, sharpens and unsharp-masks the pixels', async () => {
    const plain = (await rgba((await render(cat, 'width=200', 'png')).data)).data;
    for (const filter of ['blur=5', 'sharpen=true', 'unsharp-mask=200,2', 'unsharp-mask=200,2,0,true']) {
      const filtered = (await rgba((await render(cat, `width=200&${filter}`, 'png')).data)).data;
      expect(meanDifference(plain, filtered), filter).toBeGreaterThan(0.5);
    }
    // No difference exceeds 255 levels, so the mask changes nothing.
    const untouched = (await rgba((await render(cat, 'width=200&unsharp-mask=200,2,255', 'png')).data)).data;
    expect(meanDifference(plain, untouched)).toBe(0);
  });

  it('takes a wide unsharp mask on a shrunk copy: within a level or two of the exact one, and the widest completes', async () => {
    const plain = await rgba((await render(cat, 'width=200', 'png')).data);
    // The definition, with an exact Gaussian (sigma = radius / 2 = 40): in + amount × (in − blur).
    const raw = { width: plain.width, height: plain.height, channels: 4 as const };
    const blurred = await sharp(plain.data, { raw }).blur(40).raw().toBuffer();
    const exact = Buffer.from(plain.data.map((v, i) => (i % 4 === 3 ? v : Math.max(0, Math.min(255, Math.round(2 * v - (blurred[i] ?? 0)))))));
    const approximate = (await rgba((await render(cat, 'width=200&unsharp-mask=100,80', 'png')).data)).data;
    expect(meanDifference(exact, approximate)).toBeLessThan(2);
    expect(meanDifference(plain.data, approximate)).toBeGreaterThan(2);
    // The spec's widest radius at a size where a direct Gaussian would take many seconds.
    expect(await sizeOf((await render(kite, 'width=1024&unsharp-mask=500,1000,0,true')).data)).toEqual([1024, 640]);
  });

  it('adds the background after filtering, so the padding stays its exact colour', async () => {
    const out = await render(kite, 'width=200&height=200&blur=10&background-color=rgb,00ff00', 'png');
    expect(await pixel(out.data, 100, 0)).toEqual([0, 255, 0, 255]);
    expect(await pixel(out.data, 100, 36)).toEqual([0, 255, 0, 255]); // the picture starts at row 37
  });

  it('fills transparency with the background-color', async () => {
    expect(await pixel((await render(transparent, 'background-color=rgb,00ff00', 'png')).data, 5, 5)).toEqual([0, 255, 0, 255]);
    const translucent = await pixel((await render(transparent, 'background-color=rgba,ff000080', 'png')).data, 5, 5);
    near(translucent, [255, 0, 0, 128], 1);
    // JPEG has no alpha: transparency becomes white unless a colour is given.
    near(await pixel((await render(transparent, '')).data, 5, 5), [255, 255, 255, 255], 2);
    near(await pixel((await render(transparent, 'background-color=gray,00')).data, 5, 5), [0, 0, 0, 255], 2);
    // Without a colour, formats with alpha keep the transparency.
    expect((await pixel((await render(transparent, '', 'webp')).data, 5, 5))[3]).toBe(0);
  });

  it('pads a grey image with a coloured background in colour', async () => {
    const grey = await sharp(cat).toColourspace('b-w').jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const out = await render(grey, 'width=100&height=100&background-color=rgb,ff0000');
    near(await pixel(out.data, 50, 2), [255, 0, 0, 255], 12);
  });
});

describe('renderImage and canonicalModifiers agree', () => {
  it('renders the same bytes for URLs with the same canonical string', async () => {
    const pairs = [
      ['width=150&dpr=2', 'width=300'],
      ['rotate=180&flip=hv&width=300', 'width=300'],
      ['rotate=90&flip=v&width=300', 'rotate=270&flip=h&width=300'],
      ['flip=v&width=301&height=200&fit=crop', 'rotate=180&flip=h&width=301&height=200&fit=crop'],
      ['width=300&max-quality=60', 'width=300&quality=60'],
    ];
    for (const [a = '', b = ''] of pairs) {
      expect(canonicalModifiers(parseModifiers(new URLSearchParams(a)))).toBe(canonicalModifiers(parseModifiers(new URLSearchParams(b))));
      expect((await render(kite, a)).data.equals((await render(kite, b)).data), `${a} vs ${b}`).toBe(true);
    }
  });
});

describe('renderImage: formats', () => {
  const magic: Record<OutputFormat, (b: Buffer) => boolean> = {
    jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    png: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    webp: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
    avif: (b) => b.toString('latin1', 4, 12) === 'ftypavif',
    gif: (b) => b.toString('latin1', 0, 4) === 'GIF8',
  };
  const types: Record<OutputFormat, string> = {
    jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
  };

  it.each(Object.keys(magic) as OutputFormat[])('encodes %s', async (format) => {
    const out = await render(kite, 'width=120', format);
    expect(magic[format](out.data)).toBe(true);
    expect(out.format).toBe(format);
    expect(out.contentType).toBe(types[format]);
    expect(await sizeOf(out.data)).toEqual([120, 75]);
  });
});
