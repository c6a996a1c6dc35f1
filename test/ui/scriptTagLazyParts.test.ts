// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EDITORS_RUNTIME, loadAdvancedQueryEditor, loadFolderView, loadImageEditor, loadUploadPanel, type EditorsRuntime, type ScriptParts } from '../../src/scriptTag/lazyParts.ts';
import * as editorHost from '../../src/ui/editorHost.ts';

/**
 * The script-tag build's loader for the editors' script (src/scriptTag/lazyParts.ts). jsdom runs
 * no external scripts, so each test plays the script's part: it finds the element the loader
 * added, and calls what `asset-selector.editors.js` calls (`define`, `refuse`) or fires its events.
 */
const parts = { ImageEditor: () => null, AdvancedQueryEditor: () => null } as unknown as ScriptParts['asset-selector.editors.js'];
const repositoryParts = { UploadPanel: () => null, FolderView: () => null } as unknown as ScriptParts['asset-selector.repository.js'];
const runtime = () => (globalThis as unknown as Record<symbol, EditorsRuntime>)[EDITORS_RUNTIME]!;
const scripts = (file = 'asset-selector.editors.js') => [...document.querySelectorAll<HTMLScriptElement>(`script[src$="${file}"]`)];

afterEach(() => {
  for (const script of document.querySelectorAll('script')) script.remove();
});

describe('the script-tag build’s editors loader', () => {
  it('fails with the script’s URL when it cannot load, forgets the failure, and loads it again on the next call', async () => {
    const first = loadImageEditor();
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0]!.src).toBe(new URL('asset-selector.editors.js', document.baseURI).href);
    scripts()[0]!.dispatchEvent(new Event('error'));
    await expect(first).rejects.toThrow(/could not load .*asset-selector\.editors\.js/);
    expect(scripts()).toHaveLength(0);

    const again = loadImageEditor();
    expect(scripts()).toHaveLength(1);
    scripts()[0]!.dispatchEvent(new Event('load'));
    await expect(again).rejects.toThrow(/ran but defined no parts/);
  });

  it('refuses a script from another release, naming both versions', async () => {
    const loading = loadAdvancedQueryEditor();
    runtime().define('9.9.9', parts, 'asset-selector.editors.js');
    await expect(loading).rejects.toThrow('asset-selector.editors.js is version 9.9.9, but asset-selector.iife.js is 0.1.0; load both from one release');
    const refused = loadAdvancedQueryEditor();
    runtime().refuse('built from another release', 'asset-selector.editors.js');
    await expect(refused).rejects.toThrow('built from another release');
  });

  it('publishes the main script’s React, JSX runtime and editorHost, and loads the script once for both editors', async () => {
    const image = loadImageEditor();
    const advanced = loadAdvancedQueryEditor();
    expect(scripts()).toHaveLength(1);
    expect(runtime().version).toBe(__ASSET_SELECTOR_VERSION__);
    expect(runtime().editorHost).toBe(editorHost);
    expect(typeof runtime().react.useState).toBe('function');
    expect(typeof runtime().jsxRuntime.jsx).toBe('function');
    // Not enumerable: a host that walks the global object does not trip over it.
    expect(Object.getOwnPropertySymbols(globalThis).includes(EDITORS_RUNTIME)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(globalThis, EDITORS_RUNTIME)!.enumerable).toBe(false);

    runtime().define(__ASSET_SELECTOR_VERSION__, parts, 'asset-selector.editors.js');
    scripts()[0]!.dispatchEvent(new Event('load'));
    expect(await image).toBe(parts.ImageEditor);
    expect(await advanced).toBe(parts.AdvancedQueryEditor);
    // Loaded: later calls reuse it, with no further script.
    expect(await loadImageEditor()).toBe(parts.ImageEditor);
    expect(scripts()).toHaveLength(1);
  });

  it('loads the repository’s parts from their own script, apart from the editors’, each settled by its own define', async () => {
    const upload = loadUploadPanel();
    const folders = loadFolderView();
    expect(scripts('asset-selector.repository.js')).toHaveLength(1);
    expect(scripts('asset-selector.editors.js')).toHaveLength(0);
    // One script's define settles that script's loads only.
    runtime().define(__ASSET_SELECTOR_VERSION__, repositoryParts, 'asset-selector.repository.js');
    expect(await upload).toBe(repositoryParts.UploadPanel);
    expect(await folders).toBe(repositoryParts.FolderView);
    // The editors (loaded by the test before) come from their own script, not this one.
    expect(await loadImageEditor()).toBe(parts.ImageEditor);
    // The repository's parts stay loaded.
    expect(await loadUploadPanel()).toBe(repositoryParts.UploadPanel);
    expect(scripts('asset-selector.repository.js')).toHaveLength(1);
  });
});
