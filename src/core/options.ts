import type { ImageFormat } from './imageFormats.ts';
import type { QueryNode, SelectedAsset } from './types.ts';
import type { FolderEntry } from './folderListing.ts';
import type { SelectorError } from './selectorError.ts';
import type { UploadOption } from './uploadOption.ts';

/** A bearer token, or a function that returns one (called again after a 401). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * A group of the filter panel. Values within a group are OR-ed; groups are AND-ed.
 * - `kind`: image / video / document, by MIME type.
 * - `values`: checkboxes over a field's values; without `values`, they come from a search facet (with counts).
 * - `dateRange` / `numberRange`: from–to over a field (`unit: 'bytes'` shows sizes in KB/MB).
 */
export type FilterGroup =
  | { id: string; label: string; type: 'kind' }
  | { id: string; label: string; type: 'values'; field: string; values?: Array<{ value: string; label?: string }>; size?: number }
  | { id: string; label: string; type: 'dateRange'; field: string }
  | { id: string; label: string; type: 'numberRange'; field: string; unit?: 'bytes' | 'px' };

/** The state of one filter group: chosen values, or a range. */
export type FilterValue = string[] | { from?: string; to?: string } | { min?: number; max?: number };

/** Where the `persist` option keeps the view: a key (sessionStorage), or a key and the storage. */
export type PersistOption = string | { key: string; storage?: 'session' | 'local' };

/** Options of `mount()`, the `<asset-selector>` element and the React component's props (DESIGN.md). */
export interface SelectorOptions {
  /** Base URL of the DM OpenAPI host, e.g. `https://delivery-p1-e2.adobeaemcloud.com`; delivery URLs are built on it. */
  repository: string;
  /** Search endpoint when it lives elsewhere (author tier). Default `${repository}/adobe/assets/search`. */
  searchUrl?: string;
  /** Bearer token; a function is called again after a 401. Never put into emitted URLs or logs. */
  token?: TokenSource;
  /** Sent as `X-Api-Key`. */
  apiKey?: string;
  /** Default `'single'`. */
  selectionType?: 'single' | 'multiple';
  /** Default `'inline'`; `'modal'` is a focus-trapped dialog that Esc closes. */
  mode?: 'inline' | 'modal';
  /** Always AND-ed to the user's search: a scope the host enforces. */
  query?: QueryNode[];
  /** Which filter groups the panel shows; replaces the default groups. */
  filters?: FilterGroup[];
  /** Default `true`: the modifier and smart-crop editor is offered for images. */
  editor?: boolean;
  /** Extension of emitted image URLs; default `'avif'`. */
  imageFormat?: ImageFormat;
  /** e.g. `'de-DE'`; default from the browser. */
  locale?: string;
  /**
   * Single strings per locale over the catalogs, e.g. `{ de: { select: 'Übernehmen' } }` (keys of
   * the English catalog, src/i18n/messages.en.ts; placeholders kept). Unknown keys are a TypeError.
   * A string for a plural message (`resultsFound`, `selectCount`) is all its forms.
   */
  messages?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Default `'auto'`. */
  colorScheme?: 'light' | 'dark' | 'auto';
  /**
   * Opt-in memory: the last search text, filters, sort and view survive closing, reopening and a
   * remount with the same key (sessionStorage unless `storage: 'local'`). Never the token.
   */
  persist?: PersistOption;
  /** Default `'panel'`; `'rail'` is a narrow vertical strip of cards (a side rail). */
  layout?: 'panel' | 'rail';
  /** Asset ids chosen when the selector starts (single selection: the first); ids the caller may not see are skipped. */
  selected?: string[];
  /** Opt-in: an Upload button and a drop zone on the results, uploading into `folder` through the Assets HTTP API. */
  upload?: UploadOption;
  /** Default `true`: the tray offers **Download**, an archive of the selection built by the repository. */
  download?: boolean;
  /**
   * `'author'`: the repository has folders (the Assets HTTP API, `/api/assets`), and the selector
   * shows a **Folders** region whose folder scopes the search. Default `'delivery'`.
   */
  tier?: 'delivery' | 'author';
  /** The author tier's folder to start in, e.g. `'/content/dam/samples'` (default `/content/dam`, everything). */
  folder?: string;
  /**
   * Makes the selector a folder picker (author tier): the Folders region with **Select** and
   * **Cancel**; Select hands the open folder to this callback.
   */
  onSelectFolder?: (folder: FolderEntry) => void;
  /** A collection id: the selector opens on that collection's assets (the Collections view can leave it). */
  collection?: string;
  /** Makes cards draggable: the drag carries these data types and strings for the dragged assets (the card's, or the selection it belongs to). */
  dragData?: (assets: SelectedAsset[]) => Record<string, string>;
  /** The confirmed selection. */
  onSelect?: (assets: SelectedAsset[]) => void;
  /** Every change of the selection. */
  onSelectionChange?: (assets: SelectedAsset[]) => void;
  /** Cancel, Esc or close. */
  onClose?: () => void;
  /** Anything the user was shown as an error. */
  onError?: (error: SelectorError) => void;
}

/**
 * How an option is given: `text` options are strings, and `flag` is a boolean; markup sets both
 * through the element's attributes. `value` options are objects or functions, and `callback`
 * options are the host's callbacks. Both are set as properties only.
 */
type OptionKind = 'text' | 'flag' | 'value' | 'callback';

/**
 * Every option once, in the order the README's table lists them (test/docs checks the table
 * against this). The option check, the element's properties and attributes derive from it, and
 * the type makes sure it names exactly the options of {@link SelectorOptions}.
 */
export const OPTION_KINDS = {
  repository: 'text',
  searchUrl: 'text',
  token: 'value',
  apiKey: 'text',
  selectionType: 'text',
  mode: 'text',
  query: 'value',
  filters: 'value',
  editor: 'flag',
  imageFormat: 'text',
  locale: 'text',
  messages: 'value',
  colorScheme: 'text',
  persist: 'value',
  layout: 'text',
  selected: 'value',
  upload: 'value',
  download: 'flag',
  tier: 'text',
  folder: 'text',
  onSelectFolder: 'callback',
  collection: 'text',
  dragData: 'callback',
  onSelect: 'callback',
  onSelectionChange: 'callback',
  onClose: 'callback',
  onError: 'callback',
} as const satisfies { readonly [K in keyof SelectorOptions]-?: OptionKind };

export type OptionName = keyof typeof OPTION_KINDS;

export const OPTION_NAMES = Object.keys(OPTION_KINDS) as OptionName[];

/** The `<asset-selector>` attributes and the options they set: `searchUrl` is `search-url`. */
export const OPTION_ATTRIBUTES: Readonly<Record<string, OptionName>> = Object.fromEntries(
  OPTION_NAMES.filter((name) => OPTION_KINDS[name] === 'text' || OPTION_KINDS[name] === 'flag').map((name) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), name]),
);
