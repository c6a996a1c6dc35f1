import type { AssetRecord } from '../catalog/assetRecord.ts';
import { fieldValues, parseFieldPath, type FieldPath } from './fieldPath.ts';
import { tokenize } from './tokenize.ts';

/** Fields searched by `match` without `fields`, and how much a hit in each counts. */
export const DEFAULT_TEXT_FIELDS: ReadonlyArray<{ path: string; weight: number }> = [
  { path: 'assetMetadata.dc:title', weight: 4 },
  { path: 'repositoryMetadata.repo:name', weight: 3 },
  { path: 'assetMetadata.xcm:keywords', weight: 3 },
  { path: 'assetMetadata.dc:subject', weight: 2 },
  { path: 'assetMetadata.dc:description', weight: 1 },
  { path: 'assetMetadata.dc:creator', weight: 1 },
];

/** An inverted index of one text field: sorted terms (for prefix search) and their documents. */
export interface TextFieldIndex {
  terms: string[];
  postings: Map<string, Int32Array>;
}

const NO_TEXT: TextFieldIndex = { terms: [], postings: new Map() };
const NO_VALUES: ReadonlyMap<string, Int32Array> = new Map();

/**
 * The search index over the approved assets. Unapproved assets are never indexed, so no query,
 * sort or facet can reveal them; restrictions and on/off times are checked per request because
 * they depend on the caller and the clock.
 *
 * Per-field structures are built on first use and kept: an inverted index for text, a
 * value → documents map for `term`, numeric columns for `range`, and sort ranks for `orderBy`.
 * Only fields that some document has get them: a field name a client invents matches nothing and
 * costs nothing, so no stream of requests can grow the index beyond the catalog's own fields.
 */
export class SearchIndex {
  readonly docs: AssetRecord[];
  /** Documents whose visibility depends on the caller or the clock. */
  readonly gated: Int32Array;
  /** Canonical paths (`assetMetadata.dc:title`) of the fields some document has a value in. */
  private readonly knownFields = new Set<string>();
  private readonly textIndexes = new Map<string, TextFieldIndex>();
  private readonly valueIndexes = new Map<string, Map<string, Int32Array>>();
  private readonly ranks = new Map<string, Int32Array>();
  private readonly numbers = new Map<string, Float64Array | null>();

  constructor(assets: readonly AssetRecord[]) {
    this.docs = assets.filter((a) => a.status === 'approved');
    const gated: number[] = [];
    this.docs.forEach((doc, i) => {
      if (doc.restrictedTo.length > 0 || doc.onTime !== undefined || doc.offTime !== undefined) gated.push(i);
    });
    this.gated = Int32Array.from(gated);
    for (const doc of this.docs) {
      for (const key of Object.keys(doc.repositoryMetadata)) this.knownFields.add(`repositoryMetadata.${key}`);
      for (const key of Object.keys(doc.assetMetadata)) this.knownFields.add(`assetMetadata.${key}`);
    }
    for (const { path } of DEFAULT_TEXT_FIELDS) this.textIndex(parseFieldPath(path)!);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Whether some document has this field; the other methods answer unknown fields without building anything. */
  hasField(field: FieldPath): boolean {
    return this.knownFields.has(field.path);
  }

  /** How many per-field structures exist, against the fields that could have them. */
  cacheStats(): { structures: number; knownFields: number } {
    const structures = this.textIndexes.size + this.valueIndexes.size + this.ranks.size + this.numbers.size;
    return { structures, knownFields: this.knownFields.size };
  }

  textIndex(field: FieldPath): TextFieldIndex {
    if (!this.hasField(field)) return NO_TEXT;
    let index = this.textIndexes.get(field.path);
    if (!index) {
      const lists = new Map<string, number[]>();
      this.docs.forEach((doc, i) => {
        const seen = new Set<string>();
        for (const value of fieldValues(doc, field)) {
          for (const term of tokenize(String(value))) {
            if (seen.has(term)) continue;
            seen.add(term);
            let list = lists.get(term);
            if (!list) lists.set(term, (list = []));
            list.push(i);
          }
        }
      });
      const postings = new Map<string, Int32Array>();
      for (const [term, list] of lists) postings.set(term, Int32Array.from(list));
      index = { terms: [...lists.keys()].sort(), postings };
      this.textIndexes.set(field.path, index);
    }
    return index;
  }

  /** Documents whose field holds `value` (exactly, as a string). */
  valueIndex(field: FieldPath): ReadonlyMap<string, Int32Array> {
    if (!this.hasField(field)) return NO_VALUES;
    let index = this.valueIndexes.get(field.path);
    if (!index) {
      const lists = new Map<string, number[]>();
      this.docs.forEach((doc, i) => {
        for (const value of new Set(fieldValues(doc, field).map(String))) {
          let list = lists.get(value);
          if (!list) lists.set(value, (list = []));
          list.push(i);
        }
      });
      index = new Map([...lists].map(([value, list]) => [value, Int32Array.from(list)]));
      this.valueIndexes.set(field.path, index);
    }
    return index;
  }

  /**
   * The field as one number per document (NaN where absent), for fast `range` scans; dates are
   * epoch milliseconds. Null when some document has several values (the caller scans those)
   * or when no document has the field.
   */
  numericValues(field: FieldPath, kind: 'number' | 'date'): Float64Array | null {
    if (!this.hasField(field)) return null;
    const key = `${kind}:${field.path}`;
    let values = this.numbers.get(key);
    if (values === undefined) {
      values = new Float64Array(this.docs.length);
      for (let i = 0; i < this.docs.length; i++) {
        const raw = fieldValues(this.docs[i]!, field);
        if (raw.length > 1) {
          values = null;
          break;
        }
        const v = raw[0];
        values[i] = v === undefined ? Number.NaN : kind === 'date' ? (typeof v === 'string' ? Date.parse(v) : Number.NaN) : Number(v);
      }
      this.numbers.set(key, values);
    }
    return values;
  }

  /**
   * Each document's position when sorted ascending by this field (equal values share a rank;
   * documents without the field get the highest rank so they sort last). Sorting by ranks makes a
   * multi-key `orderBy` over 10,000 hits a few integer comparisons per pair. Undefined when no
   * document has the field (it orders nothing).
   */
  rank(field: FieldPath): Int32Array | undefined {
    if (!this.hasField(field)) return undefined;
    let ranks = this.ranks.get(field.path);
    if (!ranks) {
      const keys = this.docs.map((doc) => sortKey(fieldValues(doc, field)[0]));
      const order = keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a], keys[b]));
      ranks = new Int32Array(this.docs.length);
      let rank = 0;
      order.forEach((doc, position) => {
        if (position > 0 && compareKeys(keys[order[position - 1]!], keys[doc]) !== 0) rank = position;
        ranks![doc] = keys[doc] === undefined ? this.docs.length : rank;
      });
      this.ranks.set(field.path, ranks);
    }
    return ranks;
  }
}

type SortKey = number | string | undefined;

function sortKey(value: unknown): SortKey {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value.toLocaleLowerCase('en');
  return undefined;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
