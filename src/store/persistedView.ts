import type { FilterValue, PersistOption } from '../core/options.ts';
import { SORT_FIELDS, type SortDirection, type SortField } from '../core/sortOrder.ts';

/**
 * What the `persist` option keeps between visits: the search text, the filters, the sort and the
 * view (grid or list, and whether the filter panel is shown). Nothing else: never the token, the
 * API key, the selection or anything the repository answered.
 */
export interface PersistedView {
  text: string;
  filters: Record<string, FilterValue>;
  sort: { field: SortField; direction: SortDirection };
  view: 'grid' | 'list';
  filtersOpen: boolean | undefined;
}

/** Stored records carry this; a record of another version (or none) is ignored. */
const VERSION = 1;
const KEY_PREFIX = 'asset-selector:';
/** Longer text is not a search someone typed; such a record is ignored. */
const MAX_TEXT = 2000;

function storageFor(persist: PersistOption): { storage: Storage; key: string } | undefined {
  const { key, storage = 'session' } = typeof persist === 'string' ? { key: persist } : persist;
  try {
    // Reading the property throws where storage is blocked (sandboxed frames, some privacy settings).
    const area = storage === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    return area ? { storage: area, key: KEY_PREFIX + key } : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A group's value as the store holds it: chosen strings, a date range of strings, or a number range. */
const isFilterValue = (value: unknown) =>
  Array.isArray(value)
    ? value.every((v) => typeof v === 'string')
    : isRecord(value) && Object.entries(value).every(([k, v]) => v === undefined || ((k === 'from' || k === 'to') && typeof v === 'string') || ((k === 'min' || k === 'max') && typeof v === 'number'));

/** The view stored under the option's key, or undefined when there is none, or it is corrupt or of another version. */
export function readPersistedView(persist: PersistOption | undefined): PersistedView | undefined {
  const place = persist === undefined ? undefined : storageFor(persist);
  let record: unknown;
  try {
    record = place && JSON.parse(place.storage.getItem(place.key) ?? 'null');
  } catch {
    return undefined;
  }
  if (!isRecord(record) || record.v !== VERSION) return undefined;
  const { text, filters, sort, view, filtersOpen } = record;
  const valid =
    typeof text === 'string' &&
    text.length <= MAX_TEXT &&
    isRecord(filters) &&
    Object.values(filters).every(isFilterValue) &&
    isRecord(sort) &&
    SORT_FIELDS.includes(sort.field as SortField) &&
    (sort.direction === 'asc' || sort.direction === 'desc') &&
    (view === 'grid' || view === 'list') &&
    (filtersOpen === undefined || typeof filtersOpen === 'boolean');
  return valid ? ({ text, filters, sort: { field: sort.field, direction: sort.direction }, view, filtersOpen } as PersistedView) : undefined;
}

/** Stores the view under the option's key; a full or blocked storage only means it is not remembered. */
export function writePersistedView(persist: PersistOption | undefined, view: PersistedView): void {
  const place = persist === undefined ? undefined : storageFor(persist);
  if (!place) return;
  // Only these fields, by name: nothing else of the state can reach storage.
  const record = { v: VERSION, text: view.text, filters: view.filters, sort: view.sort, view: view.view, filtersOpen: view.filtersOpen };
  try {
    place.storage.setItem(place.key, JSON.stringify(record));
  } catch {
    // Quota exceeded or storage disabled.
  }
}
