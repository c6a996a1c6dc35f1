/**
 * Makes the browser download `url` (an archive file the repository signed for anonymous retrieval)
 * as `name`: a click on an `<a download>` that never enters the document, so the signed URL stays
 * out of the DOM, with no referrer, so the host page's address does not travel to the storage.
 * `url` must already be a checked http(s) URL (core/archiveStatus.ts refuses anything else). The
 * server answers it with `Content-Disposition: attachment`, so a cross-origin URL (where browsers
 * ignore `download`) still downloads rather than navigates.
 */
export function saveFile(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.referrerPolicy = 'no-referrer';
  link.click();
}
