import { badRequest } from '../http/problem.ts';

/**
 * Strict scalar parsers for query modifiers. They reject anything `Number()` would quietly
 * accept (`''`, `' 1'`, `0x10`, `1e3`), because a delivery URL that means something other than
 * what it says is worse than a 400.
 */

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Bounds of a numeric modifier; `what` names the component of a compound value (`amount`, …). */
interface NumberRange {
  min: number;
  max: number;
  exclusiveMin?: boolean;
  what?: string;
}

function subject(range: NumberRange): string {
  return range.what ? `${range.what} ` : '';
}

/** An integer in `[min, max]`, or a 400 naming `param`. */
export function parseInteger(param: string, value: string, range: NumberRange): number {
  const expected = `${subject(range)}must be an integer between ${range.min} and ${range.max}`;
  if (!INTEGER.test(value)) throw badRequest(param, `${expected}, got '${value}'`);
  const n = Number(value);
  if (n < range.min || n > range.max) throw badRequest(param, `${expected}, got ${value}`);
  return n;
}

/** A decimal number in `[min, max]` (or `(min, max]` when `exclusiveMin`), or a 400 naming `param`. */
export function parseDecimal(param: string, value: string, range: NumberRange): number {
  const low = range.exclusiveMin ? `greater than ${range.min}` : `at least ${range.min}`;
  const expected = `${subject(range)}must be a number ${low} and at most ${range.max}`;
  if (!DECIMAL.test(value)) throw badRequest(param, `${expected}, got '${value}'`);
  const n = Number(value);
  if ((range.exclusiveMin ? n <= range.min : n < range.min) || n > range.max) {
    throw badRequest(param, `${expected}, got ${value}`);
  }
  return n;
}

/** `true|1|false|0`, the spelling the spec allows for boolean modifiers. */
export function parseBoolean(param: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badRequest(param, `must be one of true, false, 1, 0, got '${value}'`);
}

/** One of the allowed literal values, or a 400 listing them. */
export function parseEnum<T extends string>(param: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw badRequest(param, `must be one of ${allowed.join(', ')}, got '${value}'`);
  return found;
}
