import { badRequest } from '../http/problem.ts';
import { parseDecimal, parseInteger } from './modifierValues.ts';

/** Photoshop-style unsharp mask parameters. */
export interface UnsharpMask {
  /** Strength in percent of the difference added back (0..500). */
  amount: number;
  /** Gaussian radius in output pixels (0..1000). */
  radius: number;
  /** Differences at or below this many levels (0..255) are left alone. */
  threshold: number;
  /** Sharpen brightness only instead of each colour channel. */
  monochrome: boolean;
}

/** Parses `unsharp-mask=amount,radius[,threshold[,monochrome]]`. */
export function parseUnsharpMask(value: string): UnsharpMask {
  const parts = value.split(',');
  if (parts.length < 2 || parts.length > 4) {
    throw badRequest('unsharp-mask', `must be amount,radius[,threshold[,monochrome]] (e.g. 100,10 or 100,10,10,true), got '${value}'`);
  }
  const [amount = '', radius = '', threshold = '0', monochrome = 'false'] = parts;
  if (monochrome !== 'true' && monochrome !== 'false') {
    throw badRequest('unsharp-mask', `monochrome must be true or false, got '${monochrome}'`);
  }
  return {
    amount: parseDecimal('unsharp-mask', amount, { min: 0, max: 500, what: 'amount' }),
    radius: parseDecimal('unsharp-mask', radius, { min: 0, max: 1000, what: 'radius' }),
    threshold: parseInteger('unsharp-mask', threshold, { min: 0, max: 255, what: 'threshold' }),
    monochrome: monochrome === 'true',
  };
}
