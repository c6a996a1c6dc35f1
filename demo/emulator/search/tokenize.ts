/**
 * Lower-cased, accent-folded words: "Crème brûlée" → ["creme", "brulee"]. Used for the index and
 * for queries alike, so a search matches however the user typed the accents.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
