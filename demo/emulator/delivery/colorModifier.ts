import { badRequest } from '../http/problem.ts';

/** A colour as the modifiers carry it: 8-bit channels and a 0..1 alpha, the shape sharp accepts. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

const HEX_DIGITS: Record<string, number> = { gray: 2, graya: 4, rgb: 6, rgba: 8 };

/**
 * Parses a `ColorFormatString` (`gray,7F`, `graya,7FFF`, `rgb,808080`, `rgba,RRGGBBAA`; hex is
 * case-insensitive) into an {@link Rgba}. Errors name `param` so the same parser serves any
 * colour modifier.
 */
export function parseColor(param: string, value: string): Rgba {
  const comma = value.indexOf(',');
  const space = comma < 0 ? value : value.slice(0, comma);
  const hex = comma < 0 ? '' : value.slice(comma + 1);
  const digits = HEX_DIGITS[space];
  if (digits === undefined) {
    throw badRequest(param, `must be <colorspace>,<hex> with colorspace gray, graya, rgb or rgba, got '${value}'`);
  }
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
    throw badRequest(param, `${space} takes exactly ${digits} hexadecimal digits, got '${hex}'`);
  }
  const byte = (i: number): number => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  if (space === 'gray' || space === 'graya') {
    const v = byte(0);
    return { r: v, g: v, b: v, alpha: space === 'graya' ? byte(1) / 255 : 1 };
  }
  return { r: byte(0), g: byte(1), b: byte(2), alpha: space === 'rgba' ? byte(3) / 255 : 1 };
}

/** The canonical spelling of a colour (`rgba,rrggbbaa`), so equal colours compare equal as strings. */
export function formatColor(c: Rgba): string {
  const hex = (n: number): string => Math.round(n).toString(16).padStart(2, '0');
  return `rgba,${hex(c.r)}${hex(c.g)}${hex(c.b)}${hex(c.alpha * 255)}`;
}
