import { DELIVERY_FORMATS, isSeoName, type DeliveryFormat, type DeliveryTarget } from './deliveryUrl.ts';

/*
 * The parser of delivery URLs, beside their builder (deliveryUrl.ts) rather than in it: hosts use it
 * through `asset-selector/core`, the selector itself never does, so it stays out of the code the
 * selector shares with the core (the ESM build's static part).
 */

/**
 * The parts of an image delivery URL (the inverse of {@link buildDeliveryUrl}; `modifiers` is
 * `{}` when there are none, in the order the URL has them). Throws a TypeError naming what is
 * wrong when the URL is not an image delivery URL.
 */
export function parseDeliveryUrl(url: string): Required<DeliveryTarget> {
  const fail = (what: string): never => {
    throw new TypeError(`parseDeliveryUrl: ${what}`);
  };
  if (typeof url !== 'string') fail(`expected a URL string, got ${typeof url}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`the scheme must be http or https, got ${parsed.protocol}`);
  if (parsed.username || parsed.password) fail('a delivery URL must not carry a user name or password');
  if (parsed.hash) fail('a delivery URL has no fragment (#…)');
  const path = /^(.*)\/adobe\/assets\/([^/]+)\/as\/([^/]+)$/.exec(parsed.pathname);
  if (!path) fail(`the path must be …/adobe/assets/{assetId}/as/{seoName}.{format}, got ${JSON.stringify(parsed.pathname)}`);
  const [, prefix, rawId, file] = path as unknown as [string, string, string, string];
  const dot = file.lastIndexOf('.');
  if (dot <= 0) fail(`the file name ${JSON.stringify(file)} has no format extension`);
  const seoName = file.slice(0, dot);
  const format = file.slice(dot + 1) as DeliveryFormat;
  if (!isSeoName(seoName)) fail(`the seoName ${JSON.stringify(seoName)} must be percent-encoded letters, digits, "_", "." and "-"`);
  if (!DELIVERY_FORMATS.includes(format)) fail(`the format must be one of ${DELIVERY_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  return {
    repository: `${parsed.origin}${prefix}`,
    assetId: decode(rawId, 'the asset id', false),
    seoName,
    format,
    modifiers: parseModifiers(parsed.search.slice(1)),
  };
}

/** A query string (without `?`) as modifiers; a repeated modifier is an error, as the API treats it. */
export function parseModifiers(query: string): Record<string, string> {
  const modifiers: Record<string, string> = {};
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = decode(eq < 0 ? piece : piece.slice(0, eq), 'a modifier name');
    const value = eq < 0 ? '' : decode(piece.slice(eq + 1), `the value of ${key}`);
    if (Object.hasOwn(modifiers, key)) throw new TypeError(`parseDeliveryUrl: the modifier ${JSON.stringify(key)} is given more than once`);
    modifiers[key] = value;
  }
  return modifiers;
}

/** Decodes percent-escapes; in a query `+` is a space (as URLSearchParams and servers read it), in a path it is not. */
function decode(text: string, what: string, plusIsSpace = true): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    throw new TypeError(`parseDeliveryUrl: ${what} is not valid percent-encoding`);
  }
}
