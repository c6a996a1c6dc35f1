import { checkBaseUrl } from './baseUrl.ts';
import { checkMessages, type ReferenceCatalog } from './checkMessages.ts';
import { searchUrlFor } from './deliveryUrl.ts';
import { folderPath } from './folderScope.ts';
import { IMAGE_FORMATS } from './imageFormats.ts';
import { checkUploadOption } from './uploadOption.ts';
import { OPTION_KINDS, OPTION_NAMES, type FilterGroup, type SelectorOptions } from './options.ts';

/** Options with their defaults filled in. */
export type ResolvedOptions = SelectorOptions &
  Required<Pick<SelectorOptions, 'selectionType' | 'mode' | 'editor' | 'download' | 'imageFormat' | 'colorScheme' | 'layout' | 'locale' | 'tier'>> & {
    searchUrl: string;
  };

const KNOWN = new Set<string>(OPTION_NAMES);
const CALLBACKS = OPTION_NAMES.filter((name) => OPTION_KINDS[name] === 'callback');
const QUERY_OPERATORS = new Set(['match', 'term', 'range', 'exists', 'and', 'or', 'not']);
const FILTER_TYPES = new Set(['kind', 'values', 'dateRange', 'numberRange']);

function fail(option: string, expected: string, got: unknown): never {
  const shown = typeof got === 'string' ? JSON.stringify(got) : typeof got === 'function' ? 'a function' : Array.isArray(got) ? 'an array' : got === null ? 'null' : typeof got;
  throw new TypeError(`asset-selector: option "${option}" must be ${expected}, got ${shown}`);
}

/** An absolute http(s) URL without credentials, query or fragment; returned without a trailing slash. */
function httpUrl(option: string, value: unknown): string {
  const checked = checkBaseUrl(value);
  if (checked.expected !== undefined) fail(option, checked.expected, checked.credentials ? '(a URL with credentials)' : value);
  return checked.url;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail(option, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  return value as T;
}

const PERSIST_EXPECTED = "a non-empty key string, or { key, storage?: 'session' | 'local' }";

function checkPersist(value: unknown): void {
  if (typeof value === 'string') {
    if (value.trim() === '') fail('persist', PERSIST_EXPECTED, value);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('persist', PERSIST_EXPECTED, value);
  const { key, storage, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new TypeError(`asset-selector: option "persist" must be ${PERSIST_EXPECTED}, got unknown keys ${Object.keys(rest).join(', ')}`);
  if (typeof key !== 'string' || key.trim() === '') fail('persist.key', 'a non-empty string', key);
  if (storage !== undefined && storage !== 'session' && storage !== 'local') fail('persist.storage', "'session' or 'local'", storage);
}

/**
 * Checks options at `mount()` (and on `update()`), so a mistake fails at once with a TypeError
 * that names the option, instead of as a blank panel later. `defaults.catalog` is the catalog the
 * `messages` option's keys and placeholders are checked against (the UI passes its English one;
 * without it only their shape is checked).
 */
export function validateOptions(options: unknown, defaults: { locale?: string; catalog?: ReferenceCatalog } = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'an object', options);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key)) throw new TypeError(`asset-selector: unknown option "${key}"; known options are ${OPTION_NAMES.join(', ')}`);
  }
  const repository = httpUrl('repository', o.repository);
  const searchUrl = o.searchUrl === undefined ? searchUrlFor(repository) : httpUrl('searchUrl', o.searchUrl);
  if (o.token !== undefined && typeof o.token !== 'string' && typeof o.token !== 'function') fail('token', 'a string or a function returning one', o.token);
  if (o.apiKey !== undefined && typeof o.apiKey !== 'string') fail('apiKey', 'a string', o.apiKey);
  if (o.query !== undefined) {
    if (!Array.isArray(o.query)) fail('query', 'an array of composite query nodes', o.query);
    o.query.forEach((node, i) => {
      const keys = node && typeof node === 'object' ? Object.keys(node) : [];
      if (keys.length !== 1 || !QUERY_OPERATORS.has(keys[0]!)) fail(`query[${i}]`, 'a node such as {"term": {…}}', node);
    });
  }
  if (o.filters !== undefined) {
    if (!Array.isArray(o.filters)) fail('filters', 'an array of filter groups', o.filters);
    const ids = new Set<string>();
    (o.filters as FilterGroup[]).forEach((group, i) => {
      if (!group || typeof group !== 'object') fail(`filters[${i}]`, 'a filter group object', group);
      if (typeof group.id !== 'string' || !group.id || ids.has(group.id)) fail(`filters[${i}].id`, 'a unique non-empty string', group.id);
      ids.add(group.id);
      if (typeof group.label !== 'string') fail(`filters[${i}].label`, 'a string', group.label);
      if (!FILTER_TYPES.has(group.type)) fail(`filters[${i}].type`, `one of ${[...FILTER_TYPES].join(', ')}`, group.type);
      if (group.type !== 'kind' && (typeof group.field !== 'string' || !group.field)) fail(`filters[${i}].field`, 'a field path', (group as { field?: unknown }).field);
    });
  }
  if (o.editor !== undefined && typeof o.editor !== 'boolean') fail('editor', 'a boolean', o.editor);
  if (o.download !== undefined && typeof o.download !== 'boolean') fail('download', 'a boolean', o.download);
  if (o.locale !== undefined) {
    if (typeof o.locale !== 'string') fail('locale', "a BCP 47 language tag such as 'de-DE'", o.locale);
    try {
      new Intl.Locale(o.locale);
    } catch {
      fail('locale', "a BCP 47 language tag such as 'de-DE'", o.locale);
    }
  }
  if (o.messages !== undefined) checkMessages(o.messages, defaults.catalog);
  if (o.persist !== undefined) checkPersist(o.persist);
  if (o.selected !== undefined && (!Array.isArray(o.selected) || !o.selected.every((id) => typeof id === 'string' && id))) fail('selected', 'an array of asset ids', o.selected);
  if (o.upload !== undefined) checkUploadOption(o.upload);
  if (o.folder !== undefined && folderPath(o.folder) === undefined) fail('folder', "a folder path under /content/dam, such as '/content/dam/samples'", o.folder);
  if (o.folder !== undefined && o.tier !== 'author' && o.onSelectFolder === undefined) fail('tier', "'author' when \"folder\" is given", o.tier);
  const tier = oneOf('tier', o.tier, ['delivery', 'author'], 'delivery');
  if (o.collection !== undefined && (typeof o.collection !== 'string' || !/^\S+$/.test(o.collection))) fail('collection', 'a collection id', o.collection);
  for (const name of CALLBACKS) if (o[name] !== undefined && typeof o[name] !== 'function') fail(name, 'a function', o[name]);
  return {
    ...(o as unknown as SelectorOptions),
    repository,
    searchUrl,
    selectionType: oneOf('selectionType', o.selectionType, ['single', 'multiple'], 'single'),
    mode: oneOf('mode', o.mode, ['inline', 'modal'], 'inline'),
    editor: (o.editor as boolean | undefined) ?? true,
    download: (o.download as boolean | undefined) ?? true,
    imageFormat: oneOf('imageFormat', o.imageFormat, IMAGE_FORMATS, 'avif'),
    colorScheme: oneOf('colorScheme', o.colorScheme, ['light', 'dark', 'auto'], 'auto'),
    layout: oneOf('layout', o.layout, ['panel', 'rail'], 'panel'),
    // A folder picker needs the folders.
    tier: o.onSelectFolder === undefined ? tier : 'author',
    folder: folderPath(o.folder),
    locale: (o.locale as string | undefined) ?? defaults.locale ?? 'en-US',
  };
}
