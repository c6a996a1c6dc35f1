import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FilterValue } from '../core/options.ts';
import type { AssetSummary, ImageFormat } from '../core/types.ts';
import type { ResolvedOptions } from '../core/validateOptions.ts';
import { emptyAdvancedQuery, type AdvancedQuery } from '../core/advancedQuery.ts';
import type { SortDirection, SortField } from '../core/sortOrder.ts';

export type { SortDirection, SortField };
export type ViewMode = 'grid' | 'list';

/** A chosen asset and the delivery modifiers the editor gave it (`{}` for none). */
export interface SelectionEntry {
  asset: AssetSummary;
  modifiers: Record<string, string>;
  /** The editor's Format for this image; absent: the `imageFormat` option. */
  format?: ImageFormat;
}

/** What the editor has made of one image so far; committed to its selection entry on Apply. */
export interface EditorDraft {
  modifiers: Record<string, string>;
  format?: ImageFormat;
}

/**
 * An open editor: the selected images it walks through (in the order they were chosen), the one
 * shown, and a draft per image, so each keeps its own settings until Apply or Cancel.
 */
export interface EditorSession {
  ids: readonly string[];
  index: number;
  drafts: Readonly<Record<string, EditorDraft>>;
}

export interface SelectorState {
  options: ResolvedOptions;
  /** Whether the selector is shown (both modes: inline starts open, modal starts closed). */
  open: boolean;
  /** The search box as typed; the UI debounces it into `query`. */
  text: string;
  filters: Record<string, FilterValue>;
  sort: { field: SortField; direction: SortDirection };
  view: ViewMode;
  /** Insertion-ordered: the tray and the payload keep the order of choosing. */
  selection: ReadonlyMap<string, SelectionEntry>;
  /** The asset whose details are shown (the grid's active cell). */
  focusedId: string | undefined;
  advanced: AdvancedQuery;
  /** Whether the advanced query editor is shown (kept here so it survives closing the selector). */
  advancedOpen: boolean;
  /** Whether the filter panel is shown; undefined: open unless the selector is narrow. */
  filtersOpen: boolean | undefined;
  /** The open editor, if any. */
  editor: EditorSession | undefined;
}

export interface SelectorActions {
  setOptions(options: ResolvedOptions): void;
  setOpen(open: boolean): void;
  setText(text: string): void;
  setFilter(groupId: string, value: FilterValue | undefined): void;
  clearFilters(): void;
  setSort(field: SortField, direction?: SortDirection): void;
  setView(view: ViewMode): void;
  /** Single selection replaces; multiple selection toggles. */
  toggleSelected(asset: AssetSummary): void;
  deselect(assetId: string): void;
  clearSelection(): void;
  setModifiers(assetId: string, modifiers: Record<string, string>): void;
  setFocused(assetId: string | undefined): void;
  setAdvanced(advanced: AdvancedQuery): void;
  setAdvancedOpen(open: boolean): void;
  setFiltersOpen(open: boolean): void;
  /** Opens the editor on `asset`, selecting it first when it is not chosen yet. */
  openEditor(asset: AssetSummary): void;
}

export type SelectorStore = StoreApi<SelectorState & SelectorActions>;

/**
 * One store per mounted selector (never a module singleton, so two selectors on a page are
 * independent). The vanilla API, the custom element and the React UI all read and drive it.
 */
export function createSelectorStore(options: ResolvedOptions): SelectorStore {
  return createStore<SelectorState & SelectorActions>()((set, get) => ({
    options,
    open: options.mode === 'inline',
    text: '',
    filters: {},
    sort: { field: 'relevance', direction: 'desc' },
    view: 'grid',
    selection: new Map(),
    focusedId: undefined,
    advanced: emptyAdvancedQuery(),
    advancedOpen: false,
    filtersOpen: undefined,
    editor: undefined,

    setOptions: (next) => {
      const { selection, options: previous } = get();
      // Switching to single selection keeps only the first chosen asset.
      const trimmed = next.selectionType === 'single' && selection.size > 1 ? new Map([...selection].slice(0, 1)) : selection;
      set({ options: next, selection: trimmed, ...(previous.mode !== next.mode ? { open: next.mode === 'inline' } : {}) });
    },
    setOpen: (open) => set({ open }),
    setText: (text) => set({ text }),
    setFilter: (groupId, value) => {
      const filters = { ...get().filters };
      if (value === undefined || isEmptyFilter(value)) delete filters[groupId];
      else filters[groupId] = value;
      set({ filters });
    },
    clearFilters: () => set({ filters: {} }),
    setSort: (field, direction) => set({ sort: { field, direction: direction ?? (field === 'name' ? 'asc' : 'desc') } }),
    setView: (view) => set({ view }),
    toggleSelected: (asset) => {
      const { selection, options: o } = get();
      const next = new Map(o.selectionType === 'single' ? [] : selection);
      if (selection.has(asset.assetId)) next.delete(asset.assetId);
      else next.set(asset.assetId, { asset, modifiers: {} });
      set({ selection: next });
    },
    deselect: (assetId) => {
      const next = new Map(get().selection);
      if (next.delete(assetId)) set({ selection: next });
    },
    clearSelection: () => set({ selection: new Map() }),
    setModifiers: (assetId, modifiers) => {
      const entry = get().selection.get(assetId);
      if (!entry) return;
      set({ selection: new Map(get().selection).set(assetId, { ...entry, modifiers }) });
    },
    setFocused: (focusedId) => set({ focusedId }),
    setAdvanced: (advanced) => set({ advanced }),
    setAdvancedOpen: (advancedOpen) => set({ advancedOpen }),
    setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
    openEditor: (asset) => {
      if (asset.kind !== 'image') return;
      if (!get().selection.has(asset.assetId)) get().toggleSelected(asset);
      const selection = get().selection;
      const ids = [...selection.values()].filter((e) => e.asset.kind === 'image').map((e) => e.asset.assetId);
      const drafts: Record<string, EditorDraft> = {};
      for (const id of ids) {
        const entry = selection.get(id)!;
        drafts[id] = { modifiers: { ...entry.modifiers }, ...(entry.format ? { format: entry.format } : {}) };
      }
      const index = Math.max(0, ids.indexOf(asset.assetId));
      set({ editor: { ids, index, drafts } });
    },
  }));
}

export function isEmptyFilter(value: FilterValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return Object.values(value).every((v) => v === undefined || v === '');
}
