import type { AssetRecord } from '../catalog/assetRecord.ts';
import { ASSET_ID_FIELD, fieldValues, parseFieldPath, type FieldPath } from './fieldPath.ts';
import { addPostings, compareKeys, push, removePostings, sortedPosition, sortKey, textTerms, valueTerms, type SortKey } from './indexStructures.ts';

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
 *
 * Documents live in slots. `put` and `remove` change one document: its postings in the text and
 * value indexes and its place in each sorted field are changed in place; the dense arrays derived
 * from those (sort ranks, numeric columns) are rebuilt in one pass, without sorting, by the next
 * search that needs them. A changed document replaces the old one whole (records are frozen), so a
 * search never sees half of an update. A removed document leaves a hole the next one reuses.
 */
export class SearchIndex {
  /** Documents by slot; `undefined` is a hole left by a removed document. */
  readonly docs: (AssetRecord | undefined)[] = [];
  /** Bumped by every change, so caches over search results know when they are stale. */
  version = 0;
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private liveMask = new Uint8Array(0);
  private liveCount = 0;
  /** Slots whose visibility depends on the caller or the clock. */
  private readonly gatedSlots = new Set<number>();
  /** Canonical paths (`assetMetadata.dc:title`) of the fields some document has a value in. */
  private readonly knownFields = new Set<string>();
  private readonly textIndexes = new Map<string, TextFieldIndex>();
  private readonly valueIndexes = new Map<string, Map<string, Int32Array>>();
  /** Per sort field: each slot's sort key, and the slots that have one in ascending order. Kept up to date. */
  private readonly sortIndexes = new Map<string, { keys: SortKey[]; sorted: number[] }>();
  /** Derived from `sortIndexes` in one pass when a search needs them; dropped by every change. */
  private readonly ranks = new Map<string, Int32Array>();
  private readonly numbers = new Map<string, Float64Array | null>();

  constructor(assets: readonly AssetRecord[]) {
    this.knownFields.add(ASSET_ID_FIELD);
    for (const asset of assets) this.put(asset);
    for (const { path } of DEFAULT_TEXT_FIELDS) this.textIndex(parseFieldPath(path)!);
    this.version = 0;
  }

  /** Documents held. */
  get size(): number {
    return this.liveCount;
  }

  /** Slots, including holes: the length of every per-document array (masks, scores). */
  get slots(): number {
    return this.docs.length;
  }

  /** 1 for each slot that holds a document. */
  get live(): Uint8Array {
    return this.liveMask.subarray(0, this.docs.length);
  }

  get gated(): ReadonlySet<number> {
    return this.gatedSlots;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /**
   * Indexes the asset as it now is: approved assets are added or replace their previous version,
   * others are removed (they must not be searchable).
   */
  put(asset: AssetRecord): void {
    if (asset.status !== 'approved') {
      this.remove(asset.id);
      return;
    }
    let slot = this.slotById.get(asset.id);
    if (slot !== undefined) this.unindex(slot);
    else {
      slot = this.freeSlots.pop() ?? this.docs.length;
      this.slotById.set(asset.id, slot);
      this.liveCount++;
    }
    if (slot === this.docs.length) {
      this.docs.push(asset);
      if (this.liveMask.length < this.docs.length) {
        const grown = new Uint8Array(Math.max(64, this.liveMask.length * 2));
        grown.set(this.liveMask);
        this.liveMask = grown;
      }
    } else this.docs[slot] = asset;
    this.liveMask[slot] = 1;
    if (asset.restrictedTo.length > 0 || asset.onTime !== undefined || asset.offTime !== undefined) this.gatedSlots.add(slot);
    for (const key of Object.keys(asset.repositoryMetadata)) this.knownFields.add(`repositoryMetadata.${key}`);
    for (const key of Object.keys(asset.assetMetadata)) this.knownFields.add(`assetMetadata.${key}`);
    for (const [path, index] of this.textIndexes) addPostings(index.postings, slot, textTerms(asset, parseFieldPath(path)!), index.terms);
    for (const [path, index] of this.valueIndexes) addPostings(index, slot, valueTerms(asset, parseFieldPath(path)!));
    for (const [path, index] of this.sortIndexes) {
      const key = sortKey(fieldValues(asset, parseFieldPath(path)!)[0]);
      if (slot === index.keys.length) index.keys.push(key);
      else index.keys[slot] = key;
      if (key !== undefined) index.sorted.splice(sortedPosition(index.keys, index.sorted, slot), 0, slot);
    }
    this.changed();
  }

  /** Removes the asset, if indexed. */
  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.unindex(slot);
    this.slotById.delete(id);
    this.docs[slot] = undefined;
    this.liveMask[slot] = 0;
    this.liveCount--;
    this.freeSlots.push(slot);
    this.changed();
  }

  /** Drops a slot's document from the per-field structures (its slot stays reserved). */
  private unindex(slot: number): void {
    const old = this.docs[slot];
    if (!old) return;
    this.gatedSlots.delete(slot);
    for (const [path, index] of this.textIndexes) removePostings(index.postings, slot, textTerms(old, parseFieldPath(path)!), index.terms);
    for (const [path, index] of this.valueIndexes) removePostings(index, slot, valueTerms(old, parseFieldPath(path)!));
    for (const index of this.sortIndexes.values()) {
      if (index.keys[slot] === undefined) continue;
      const at = sortedPosition(index.keys, index.sorted, slot);
      if (index.sorted[at] === slot) index.sorted.splice(at, 1);
      index.keys[slot] = undefined;
    }
  }

  private changed(): void {
    this.version++;
    this.ranks.clear();
    this.numbers.clear();
  }

  /** Whether some document has this field; the other methods answer unknown fields without building anything. */
  hasField(field: FieldPath): boolean {
    return this.knownFields.has(field.path);
  }

  /** How many per-field structures exist, against the fields that could have them. */
  cacheStats(): { structures: number; knownFields: number } {
    const structures = this.textIndexes.size + this.valueIndexes.size + this.sortIndexes.size + this.numbers.size;
    return { structures, knownFields: this.knownFields.size };
  }

  textIndex(field: FieldPath): TextFieldIndex {
    if (!this.hasField(field)) return NO_TEXT;
    let index = this.textIndexes.get(field.path);
    if (!index) {
      const postings = new Map<string, Int32Array>();
      const lists = new Map<string, number[]>();
      this.docs.forEach((doc, i) => {
        if (doc) for (const term of textTerms(doc, field)) push(lists, term, i);
      });
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
        if (doc) for (const value of valueTerms(doc, field)) push(lists, value, i);
      });
      index = new Map([...lists].map(([value, list]) => [value, Int32Array.from(list)]));
      this.valueIndexes.set(field.path, index);
    }
    return index;
  }

  /**
   * The field as one number per slot (NaN where absent), for fast `range` scans; dates are
   * epoch milliseconds. Null when some document has several values (the caller scans those)
   * or when no document has the field.
   */
  numericValues(field: FieldPath, kind: 'number' | 'date'): Float64Array | null {
    if (!this.hasField(field)) return null;
    const key = `${kind}:${field.path}`;
    let values = this.numbers.get(key);
    if (values === undefined) {
      values = new Float64Array(this.docs.length).fill(Number.NaN);
      for (let i = 0; i < this.docs.length; i++) {
        const doc = this.docs[i];
        if (!doc) continue;
        const raw = fieldValues(doc, field);
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
   * Each slot's position when sorted ascending by this field (equal values share a rank;
   * documents without the field, and holes, get the highest rank so they sort last). Sorting by
   * ranks makes a multi-key `orderBy` over 10,000 hits a few integer comparisons per pair.
   * Undefined when no document has the field (it orders nothing).
   */
  rank(field: FieldPath): Int32Array | undefined {
    if (!this.hasField(field)) return undefined;
    let ranks = this.ranks.get(field.path);
    if (!ranks) {
      const { keys, sorted } = this.sortIndex(field);
      ranks = new Int32Array(this.docs.length).fill(this.docs.length);
      let rank = 0;
      sorted.forEach((slot, position) => {
        if (position > 0 && compareKeys(keys[sorted[position - 1]!], keys[slot]) !== 0) rank = position;
        ranks![slot] = rank;
      });
      this.ranks.set(field.path, ranks);
    }
    return ranks;
  }

  /** The field's sort keys and the slots in their order: sorted once, then kept by `put` and `remove`. */
  private sortIndex(field: FieldPath): { keys: SortKey[]; sorted: number[] } {
    let index = this.sortIndexes.get(field.path);
    if (!index) {
      const keys = this.docs.map((doc) => (doc ? sortKey(fieldValues(doc, field)[0]) : undefined));
      const sorted = keys.flatMap((key, slot) => (key === undefined ? [] : [slot])).sort((a, b) => compareKeys(keys[a], keys[b]) || a - b);
      index = { keys, sorted };
      this.sortIndexes.set(field.path, index);
    }
    return index;
  }
}

