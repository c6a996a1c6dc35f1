import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyAdvancedQuery, type AdvancedQuery } from '../core/advancedQueryModel.ts';
import type { ImageFormat } from '../core/imageFormats.ts';
import type { FolderEntry } from '../core/folderListing.ts';
import { FOLDER_ROOT, scopeToFolder } from '../core/folderScope.ts';
import type { FilterValue } from '../core/options.ts';
import { collectionScope } from '../core/collectionScope.ts';
import { searchRequestWith, type SearchState } from '../core/searchRequest.ts';
import { advancedClauses } from './advancedClauses.ts';
import type { SortDirection, SortField } from '../core/sortOrder.ts';
import type { AssetSummary, SearchRequest } from '../core/types.ts';
import type { ResolvedOptions } from '../core/validateOptions.ts';
import { hostEvents } from './hostEvents.ts';
import { readPersistedView, writePersistedView } from './persistedView.ts';

export type ViewMode = 'grid' | 'list';

/** A chosen asset and the delivery modifiers the editor gave it (`{}` for none). */
interface SelectionEntry {
  asset: AssetSummary;
  modifiers: Record<string, string>;
  /** The editor's Format for this image; absent: the `imageFormat` option. */
  format?: ImageFormat;
  /** The open collection it was chosen from. */
  collectionId?: string;
}

/** The collection the results are kept to: its id, and its members' ids once read (no search until then). */
interface OpenCollection {
  id: string;
  ids?: readonly string[];
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
interface EditorSession {
  ids: readonly string[];
  index: number;
  drafts: Readonly<Record<string, EditorDraft>>;
}

/** A search: what it is made of, and the request made from it. */
interface Search {
  inputs: SearchState;
  request: SearchRequest;
}

export interface SelectorState {
  options: ResolvedOptions;
  /** Whether the selector is shown (both modes: inline starts open, modal starts closed). */
  isOpen: boolean;
  /** The search box as typed; `settleSearch()` makes it the search once typing pauses. */
  text: string;
  filters: Record<string, FilterValue>;
  sort: { field: SortField; direction: SortDirection };
  view: ViewMode;
  /** Insertion-ordered: the tray and the payload keep the order of choosing. */
  selection: ReadonlyMap<string, SelectionEntry>;
  /** The asset whose details are shown (the grid's active cell). */
  focusedId: string | undefined;
  /** The advanced query as edited. */
  advanced: AdvancedQuery;
  /** Whether the advanced query editor is shown (kept here so it survives closing the selector). */
  advancedOpen: boolean;
  /** Whether the filter panel is shown; undefined: open unless the selector is narrow. */
  filtersOpen: boolean | undefined;
  /** The open editor, if any. */
  editor: EditorSession | undefined;
  /** The text and advanced query the results are for: typing and editing settle into them (settleSearch). */
  settled: { text: string; advanced: AdvancedQuery };
  /** Derived (read only): the search the results show, from the settled text and advanced query and everything else as it is. */
  search: Search;
  /** Derived (read only): the request Run would send, which the advanced editor shows: the state as edited, its query applied. */
  advancedRequest: SearchRequest;
  /** The author tier's open folder (`repo:path`): the search keeps the assets in it and below. */
  folder: string;
  /** Focus that a part asked to move to another, which takes it when it renders: `grid`, its active cell. */
  pendingFocus: 'grid' | undefined;
  /** Files chosen or dropped for upload that the upload queue has not taken yet (the `upload` option). */
  uploadFiles: readonly File[];
  /** Whether the upload queue is shown (from the first file on, so it loads only then). */
  uploadsShown: boolean;
  /** Uploads the repository holds but has not approved (the upload queue keeps it): the tray lists them, never selectable. */
  awaitingApproval: ReadonlyArray<{ assetId: string; name: string }>;
  /** The open collection: the search is AND-ed with its members (collectionScope). */
  collection: OpenCollection | undefined;
  /** Whether the Collections view (the list) is shown in place of the results. */
  collectionsOpen: boolean;
}

/**
 * The intents: everything a person, the host or a component can make the selector do. The mount
 * handle, the element, the React component and the UI all dispatch these; the host's callbacks
 * fire from them only (hostEvents.ts).
 */
export interface SelectorActions {
  /** Validated options from `update()` or new props. */
  setOptions(options: ResolvedOptions): void;
  /** Shows the selector. No callback. */
  open(): void;
  /** Hides the selector. No callback: `onClose` reports the person's cancel. */
  close(): void;
  /** Select: hands the selection to `onSelect` (closing a modal first). Nothing while none is chosen. */
  confirm(): void;
  /** Cancel or Esc: closes a modal, then calls `onClose`. */
  cancel(): void;
  setText(text: string): void;
  /** The typed text and the edited advanced query become the search (called once typing pauses). */
  settleSearch(): void;
  setFilter(groupId: string, value: FilterValue | undefined): void;
  clearFilters(): void;
  /** Back to all assets: no text, no filters, the advanced query no longer applied. */
  clearSearch(): void;
  setSort(field: SortField, direction?: SortDirection): void;
  setView(view: ViewMode): void;
  /** Single selection replaces; multiple selection toggles. */
  toggle(asset: AssetSummary): void;
  deselect(assetId: string): void;
  /** Makes `assets` the selection (single selection: the first), keeping what the editor gave those already chosen. */
  select(assets: readonly AssetSummary[]): void;
  setFocused(assetId: string | undefined): void;
  setAdvanced(advanced: AdvancedQuery): void;
  setAdvancedOpen(open: boolean): void;
  setFiltersOpen(open: boolean): void;
  /** Opens the editor on `asset`, selecting it first when it is not chosen yet. */
  openEditor(asset: AssetSummary): void;
  /** An error the person is being shown: reported to `onError` once per error object. */
  reportError(error: unknown): void;
  /** Opens a folder in the author tier: the search is scoped to it. */
  setFolder(path: string): void;
  /** A folder picker's Select: hands `folder` to `onSelectFolder` (closing a modal first). */
  confirmFolder(folder: FolderEntry): void;
  /** Asks for focus to move to a part that may not be rendered yet; that part takes it (`takeFocus`). */
  requestFocus(target: 'grid'): void;
  /** The part `pendingFocus` named has focused itself. */
  takeFocus(): void;
  /** Keeps the results to a collection (its members still to be read), or back to all assets. */
  openCollection(id: string | undefined): void;
  /** The open collection's members, as read (again after a change). */
  setCollectionMembers(id: string, ids: readonly string[]): void;
  setCollectionsOpen(open: boolean): void;
}

export type SelectorStore = StoreApi<SelectorState & SelectorActions>;

/**
 * One store per mounted selector (never a module singleton, so two selectors on a page are
 * independent). The vanilla API, the custom element and the React UI all read and drive it.
 */
export function createSelectorStore(options: ResolvedOptions): SelectorStore {
  return createStore<SelectorState & SelectorActions>()((setState, get, api) => {
    // Errors already reported: the query cache hands every reader of a failed query the same object,
    // and a failed retry makes a new one, so each failure the person is shown is reported once.
    const reported = new WeakSet<object>();

    /**
     * Every change goes through here (`store.setState` too): the derived fields follow their
     * inputs within the same update, and the host hears of a new selection once it is in place.
     */
    const set = (patch: Partial<SelectorState>) => {
      const previous = get();
      setState(derive({ ...previous, ...patch }, previous));
      const state = get();
      if (state.selection !== previous.selection) hostEvents.selectionChanged(state);
      if (PERSISTED.some((key) => state[key] !== previous[key]) || state.options.persist !== previous.options.persist) writePersistedView(state.options.persist, state);
    };
    api.setState = ((partial: Partial<SelectorState> | ((state: SelectorState) => Partial<SelectorState>)) =>
      set(typeof partial === 'function' ? partial(get()) : partial)) as typeof api.setState;

    // The `persist` option's memory of the last visit, if any: its text is the search at once.
    const remembered = readPersistedView(options.persist);
    // The search starts settled: the same text and the same advanced query object, so nothing
    // waits to settle into an equal search (which re-rendered the results and the filters a
    // quarter of a second after every mount).
    const advanced = emptyAdvancedQuery();
    const initial: SelectorState = {
      options,
      isOpen: options.mode === 'inline',
      text: remembered?.text ?? '',
      filters: remembered?.filters ?? {},
      sort: remembered?.sort ?? { field: 'relevance', direction: 'desc' },
      view: remembered?.view ?? 'grid',
      selection: new Map(),
      focusedId: undefined,
      advanced,
      advancedOpen: false,
      filtersOpen: remembered?.filtersOpen,
      editor: undefined,
      settled: { text: remembered?.text ?? '', advanced },
      search: undefined!,
      advancedRequest: undefined!,
      pendingFocus: undefined,
      uploadFiles: [],
      uploadsShown: false,
      awaitingApproval: [],
      folder: options.folder ?? FOLDER_ROOT,
      collection: options.collection ? { id: options.collection } : undefined,
      collectionsOpen: false,
    };

    return {
      ...derive(initial, undefined),

      setOptions: (next) => {
        const { selection, options: previous } = get();
        // Switching to single selection keeps only the first chosen asset.
        const trimmed = next.selectionType === 'single' && selection.size > 1 ? new Map([...selection].slice(0, 1)) : selection;
        set({
          options: next,
          selection: trimmed,
          ...(previous.mode !== next.mode ? { isOpen: next.mode === 'inline' } : {}),
          ...(previous.folder !== next.folder ? { folder: next.folder ?? FOLDER_ROOT } : {}),
          ...(previous.collection !== next.collection ? { collection: next.collection ? { id: next.collection } : undefined } : {}),
        });
      },
      open: () => set({ isOpen: true }),
      close: () => set({ isOpen: false }),
      confirm: () => {
        if (get().selection.size === 0) return;
        if (get().options.mode === 'modal') set({ isOpen: false });
        hostEvents.confirmed(get());
      },
      cancel: () => {
        if (get().options.mode === 'modal') set({ isOpen: false });
        hostEvents.cancelled(get());
      },
      setText: (text) => set({ text }),
      settleSearch: () => {
        const { text, advanced, settled } = get();
        if (settled.text !== text || settled.advanced !== advanced) set({ settled: { text, advanced } });
      },
      setFilter: (groupId, value) => {
        const filters = { ...get().filters };
        if (value === undefined || isEmptyFilter(value)) delete filters[groupId];
        else filters[groupId] = value;
        set({ filters });
      },
      clearFilters: () => set({ filters: {} }),
      clearSearch: () => {
        const { advanced } = get();
        set({ text: '', filters: {}, ...(advanced.active ? { advanced: { ...advanced, active: false } } : {}) });
      },
      setSort: (field, direction) => set({ sort: { field, direction: direction ?? (field === 'name' ? 'asc' : 'desc') } }),
      setView: (view) => set({ view }),
      toggle: (asset) => {
        const { selection, options: o } = get();
        const next = new Map(o.selectionType === 'single' ? [] : selection);
        if (selection.has(asset.assetId)) next.delete(asset.assetId);
        else next.set(asset.assetId, { asset, modifiers: {}, ...fromCollection(get(), asset.assetId) });
        set({ selection: next });
      },
      deselect: (assetId) => {
        const next = new Map(get().selection);
        if (next.delete(assetId)) set({ selection: next });
      },
      select: (assets) => {
        const { selection, options: o } = get();
        const chosen = o.selectionType === 'single' ? assets.slice(0, 1) : assets;
        set({ selection: new Map(chosen.map((asset) => [asset.assetId, selection.get(asset.assetId) ?? { asset, modifiers: {}, ...fromCollection(get(), asset.assetId) }])) });
      },
      setFocused: (focusedId) => set({ focusedId }),
      setAdvanced: (advanced) => set({ advanced }),
      setAdvancedOpen: (advancedOpen) => set({ advancedOpen }),
      setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
      openEditor: (asset) => {
        if (asset.kind !== 'image') return;
        if (!get().selection.has(asset.assetId)) get().toggle(asset);
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
      reportError: (error) => {
        if (!error || typeof error !== 'object' || reported.has(error)) return;
        reported.add(error);
        hostEvents.failed(get(), error);
      },
      setFolder: (folder) => set({ folder }),
      confirmFolder: (folder) => {
        if (get().options.mode === 'modal') set({ isOpen: false });
        hostEvents.folderChosen(get(), folder);
      },
      requestFocus: (target) => set({ pendingFocus: target }),
      takeFocus: () => {
        if (get().pendingFocus !== undefined) set({ pendingFocus: undefined });
      },
      openCollection: (id) => set({ collection: id ? { id } : undefined, collectionsOpen: false }),
      setCollectionMembers: (id, ids) => {
        if (get().collection?.id === id) set({ collection: { id, ids } });
      },
      setCollectionsOpen: (collectionsOpen) => set({ collectionsOpen }),
    };
  });
}

/** The state the `persist` option remembers (persistedView.ts); a change to one of them is stored. */
const PERSISTED = ['text', 'filters', 'sort', 'view', 'filtersOpen'] as const;

/** `collectionId` for an entry chosen now: the open collection's, when the asset is one of its members. */
function fromCollection({ collection }: SelectorState, assetId: string): { collectionId?: string } {
  return collection?.ids?.includes(assetId) ? { collectionId: collection.id } : {};
}

function isEmptyFilter(value: FilterValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return Object.values(value).every((v) => v === undefined || v === '');
}

/** The host's `query`, and the open collection's scope (matching nothing while its members are read). */
/** The host's scope (`query`), with the open folder's (author tier) and the open collection's. */
function scoped({ options, folder, collection }: SelectorState) {
  const query = options.tier === 'author' ? scopeToFolder(options.query, folder) : options.query;
  return collection ? [...(query ?? []), collectionScope(collection.ids ?? [])] : query;
}

/**
 * `state` with its derived fields brought up to date. Each is rebuilt only when something it
 * is made of changed (by identity), so readers that select it re-render only then.
 */
function derive(state: SelectorState, previous: SelectorState | undefined): SelectorState {
  const same = (...keys: Array<'filters' | 'sort' | 'settled' | 'text' | 'advanced'>) =>
    previous !== undefined &&
    keys.every((key) => state[key] === previous[key]) &&
    state.options.query === previous.options.query &&
    state.folder === previous.folder &&
    state.options.tier === previous.options.tier &&
    state.collection === previous.collection &&
    state.options.filters === previous.options.filters;
  let { search, advancedRequest } = state;
  if (!same('filters', 'sort', 'settled')) {
    const { text, advanced } = state.settled;
    const query = scoped(state);
    const inputs: SearchState = { text, advanced, filters: state.filters, sort: state.sort, options: { query, filters: state.options.filters } };
    search = { inputs, request: searchRequestWith(inputs, advancedClauses) };
  }
  if (!same('filters', 'sort', 'text', 'advanced')) {
    advancedRequest = searchRequestWith({ ...state, advanced: { ...state.advanced, active: true }, options: search.inputs.options }, advancedClauses);
  }
  return search === state.search && advancedRequest === state.advancedRequest ? state : { ...state, search, advancedRequest };
}
