/** The rendered page's long side: the delivery pipeline then sizes it like any image. */
export const PDF_PAGE_LONG_SIDE = 2048;

/**
 * pdftoppm over stdin, page 1 (its crop box, what viewers show) as one PNG on stdout. Scaling to
 * a fixed long side bounds the pixels whatever size a page claims to be.
 */
export function pdfPageArgs(): string[] {
  return ['-f', '1', '-l', '1', '-singlefile', '-png', '-cropbox', '-scale-to', String(PDF_PAGE_LONG_SIDE), '-'];
}
