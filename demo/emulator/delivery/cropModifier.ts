import { badRequest } from '../http/problem.ts';

/** A crop region in percent (0..100) of the original image: origin from the top-left, then size. */
export interface PercentCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PART = /^(\d{1,3}(?:\.\d{1,2})?)p$/;
const SYNTAX = 'must be four comma-separated percentages Xp,Yp,Wp,Hp, each with at most two decimals (e.g. 10p,10p,50p,50p)';

/**
 * Parses `crop=Xp,Yp,Wp,Hp`. Sums are compared in hundredths of a percent, as integers, so that
 * `33.33p + 66.67p` is exactly 100 and not 100.00000000000001.
 */
export function parseCrop(value: string): PercentCrop {
  const parts = value.split(',');
  if (parts.length !== 4) throw badRequest('crop', `${SYNTAX}, got '${value}'`);
  const hundredths = parts.map((part) => {
    const match = PART.exec(part);
    if (!match?.[1]) throw badRequest('crop', `${SYNTAX}; '${part}' is not one`);
    return Math.round(Number(match[1]) * 100);
  });
  const [x = 0, y = 0, w = 0, h = 0] = hundredths;
  if (w <= 0 || h <= 0) throw badRequest('crop', `the region's width and height must be greater than 0p, got '${value}'`);
  if (x + w > 10_000) {
    throw badRequest('crop', `x-origin + width must be at most 100p, got ${x / 100}p + ${w / 100}p = ${(x + w) / 100}p`);
  }
  if (y + h > 10_000) {
    throw badRequest('crop', `y-origin + height must be at most 100p, got ${y / 100}p + ${h / 100}p = ${(y + h) / 100}p`);
  }
  return { x: x / 100, y: y / 100, width: w / 100, height: h / 100 };
}
