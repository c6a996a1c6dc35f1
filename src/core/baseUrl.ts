/** A base URL as checked: normalized, or what it should have been (`credentials`: it carried some, so never echo it). */
export type CheckedBaseUrl = { url: string; expected?: undefined } | { url?: undefined; expected: string; credentials: boolean };

/**
 * The one check for a repository or search base URL, shared by the options and the URL builders:
 * absolute http(s), and no credentials, query or fragment, which would be copied into every URL
 * built on it. The URL comes back without trailing slashes.
 */
export function checkBaseUrl(value: unknown): CheckedBaseUrl {
  // Every delivery URL is built on the same base: parsed once, not once per URL and card.
  if (!last || value !== last.value) last = { value, checked: parseBaseUrl(value) };
  return last.checked;
}

let last: { value: unknown; checked: CheckedBaseUrl } | undefined;

function parseBaseUrl(value: unknown): CheckedBaseUrl {
  const not = (expected: string, credentials = false): CheckedBaseUrl => ({ expected, credentials });
  if (typeof value !== 'string' || value === '') return not('an absolute http(s) URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return not('an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return not('an http: or https: URL');
  if (url.username || url.password) return not('a URL without user name or password', true);
  if (url.search || url.hash) return not('a URL without query or fragment');
  return { url: url.href.replace(/\/+$/, '') };
}
