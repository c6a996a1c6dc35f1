/**
 * `Content-Disposition` for a file name of any script (RFC 6266): a plain `filename` for
 * ASCII names; otherwise an ASCII stand-in for old clients plus the UTF-8 name in `filename*`
 * (RFC 8187), since a header value cannot carry `東京.jpg` as it is.
 */
export function contentDisposition(attachment: boolean, filename: string): string {
  const type = attachment ? 'attachment' : 'inline';
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === filename) return `${type}; filename="${filename}"`;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
