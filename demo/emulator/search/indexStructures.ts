import type { AssetRecord } from '../catalog/assetRecord.ts';
import { fieldValues, type FieldPath } from './fieldPath.ts';
import { tokenize } from './tokenize.ts';

/*
 * The per-field structures of the search index and the small operations that keep them: posting
 * lists (sorted terms for prefix search), value lists, and sort keys in order.
 */

/** Where `slot` is (or goes) in `sorted`: by its key, then by slot, so equal keys keep one order. */
export function sortedPosition(keys: readonly SortKey[], sorted: readonly number[], slot: number): number {
  const key = keys[slot];
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = sorted[mid]!;
    if ((compareKeys(keys[other], key) || other - slot) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function push(lists: Map<string, number[]>, key: string, slot: number): void {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  list.push(slot);
}

/** The distinct words of a field. */
export function textTerms(doc: AssetRecord, field: FieldPath): Set<string> {
  const terms = new Set<string>();
  for (const value of fieldValues(doc, field)) for (const term of tokenize(String(value))) terms.add(term);
  return terms;
}

const REPO_PATH = 'repositoryMetadata.repo:path';

/**
 * The distinct values of a field, as strings. A `repo:path` also stands for every folder above
 * it, so a `term` on a folder's path finds what is in that folder and below it.
 */
export function valueTerms(doc: AssetRecord, field: FieldPath): Set<string> {
  const values = new Set(fieldValues(doc, field).map(String));
  if (field.path === REPO_PATH) {
    for (const path of [...values]) for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) values.add(path.slice(0, at));
  }
  return values;
}

/** Adds `slot` to each key's posting list; a new key also goes into `sortedKeys` at its place. */
export function addPostings(postings: Map<string, Int32Array>, slot: number, keys: Iterable<string>, sortedKeys?: string[]): void {
  for (const key of keys) {
    const list = postings.get(key);
    if (list) {
      const grown = new Int32Array(list.length + 1);
      grown.set(list);
      grown[list.length] = slot;
      postings.set(key, grown);
    } else {
      postings.set(key, Int32Array.of(slot));
      if (sortedKeys) sortedKeys.splice(lowerBound(sortedKeys, key), 0, key);
    }
  }
}

export function removePostings(postings: Map<string, Int32Array>, slot: number, keys: Iterable<string>, sortedKeys?: string[]): void {
  for (const key of keys) {
    const list = postings.get(key);
    if (!list) continue;
    const kept = list.filter((s) => s !== slot);
    if (kept.length > 0) postings.set(key, kept);
    else {
      postings.delete(key);
      if (sortedKeys) {
        const at = lowerBound(sortedKeys, key);
        if (sortedKeys[at] === key) sortedKeys.splice(at, 1);
      }
    }
  }
}

export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type SortKey = number | string | undefined;

export function sortKey(value: unknown): SortKey {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value.toLocaleLowerCase('en');
  return undefined;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
