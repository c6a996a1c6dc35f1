import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { Features, transform as transformCss } from 'lightningcss';
import type { Plugin } from 'vite';
import { defineConfig, type ViteUserConfig as UserConfig } from 'vitest/config';
import { catalogLoaders } from './src/i18n/catalogLoaders.ts';
import { messagesEnAdobe } from './src/i18n/messages.en.adobe.ts';
import { messagesEnFolders } from './src/i18n/messages.en.folders.ts';
import { messagesEnAdvancedQuery } from './src/i18n/messages.en.advancedQuery.ts';
import { messagesEn } from './src/i18n/messages.en.ts';
import { messagesEnImageEditor } from './src/i18n/messages.en.imageEditor.ts';
import { messagesEnDownload } from './src/i18n/messages.en.download.ts';
import { messagesEnUpload } from './src/i18n/messages.en.upload.ts';
import { messagesEnVideo } from './src/i18n/messages.en.video.ts';
import { reExportedNames } from './build/reExports.ts';
import { SCRIPT_TAG_VARIANTS } from './src/scriptTag/variants.ts';

const ROOT = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
const DIST = resolve(ROOT, 'dist');

/**
 * React is the host's: one copy per page, and hooks break with two. Everything else (react-query and
 * zustand) is bundled on purpose: the selector must not share a QueryClient context,
 * a store or a version range with copies the host may load for itself.
 */
const isReact = (id: string) => /^react(-dom)?($|\/)/.test(id);

/**
 * The script-tag build is the ESM build with a few modules swapped for their script-tag variants
 * (src/scriptTag/variants.ts): the stylesheet is linked from beside the script, the non-English
 * message catalogs are fetched from beside it (`i18n/{language}.json`, written here), and the lazy
 * parts' loader (ui/lazyParts.ts, the one seam) loads the editors' script beside it.
 */
function scriptTagVariants(): Plugin {
  const SRC = resolve(ROOT, 'src');
  return {
    name: 'asset-selector:script-tag-variants',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || importer.startsWith('\0')) return null;
      const variant = SCRIPT_TAG_VARIANTS[relative(SRC, resolve(dirname(importer), source)).split(sep).join('/')];
      return variant ? resolve(SRC, variant) : null;
    },
  };
}

function scriptTagCatalogs(): Plugin {
  return {
    name: 'asset-selector:script-tag-catalogs',
    async generateBundle() {
      // One file per catalog the ESM build has a loader for (src/i18n/catalogLanguages.ts lists them).
      for (const [language, load] of Object.entries(catalogLoaders)) {
        this.emitFile({ type: 'asset', fileName: `i18n/${language}.json`, source: JSON.stringify(await load()) });
      }
    },
  };
}

/** The stylesheet as a minified file: linked by the script-tag build, and for ESM hosts whose Content-Security-Policy forbids the injected `<style>`. */
function emitStylesheet(): Plugin {
  return {
    name: 'asset-selector:stylesheet',
    generateBundle() {
      // The selector's and its lazy parts' styles in one file: what the script-tag build links.
      const css = Buffer.concat(['src/ui/styles.css', 'src/ui/advancedQuery.css', 'src/ui/editor/editor.css'].map((file) => readFileSync(resolve(ROOT, file))));
      const { code } = transformCss({ filename: 'asset-selector.css', code: css, minify: true });
      this.emitFile({ type: 'asset', fileName: 'asset-selector.css', source: code });
    },
  };
}

/**
 * The end-to-end tests' host page for the ESM build (`/dist/demo/esm-host/`): /demo/vanilla/'s
 * markup, with demo/esm-host/main.js (the ESM build with React, behind the same `AssetSelector`
 * global) where the script tag was, so the specs that drive the plain page run unchanged on both.
 */
function esmHostPage(): Plugin {
  const page = resolve(ROOT, 'demo/esm-host/index.html');
  const scriptTag = '<script src="/dist/asset-selector.iife.js"></script>';
  return {
    name: 'asset-selector:esm-host-page',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, { filename }) {
        if (resolve(filename) !== page) return undefined;
        const plain = readFileSync(resolve(ROOT, 'demo/vanilla/index.html'), 'utf8');
        if (!plain.includes(scriptTag)) throw new Error(`demo/vanilla/index.html no longer has ${scriptTag}: update esmHostPage in vite.config.ts`);
        return plain
          .replace(/<!-- The whole integration:[^>]*-->/, '<!-- The ESM build with React: demo/esm-host/main.js defines the same AssetSelector global. -->')
          .replace(scriptTag, '<script type="module" src="/demo/esm-host/main.js"></script>')
          .replace(/<title>[^<]*/, '<title>Asset Selector — plain page (ESM build, React)');
      },
    },
  };
}

const shared: UserConfig = {
  // The library builds are for browsers: React's development checks must not ship.
  define: { 'process.env.NODE_ENV': '"production"', __ASSET_SELECTOR_VERSION__: JSON.stringify(version) },
  plugins: [react()],
  // No `light-dark()` polyfill for `color-scheme` (variables nothing reads: the styles switch their
  // colours themselves), as in asset-selector.css, which lightningcss writes without targets.
  css: { lightningcss: { exclude: Features.LightDark } },
  // public/ is the emulator's landing page, not part of any bundle.
  publicDir: false,
};

/**
 * Vitest: no NODE_ENV define. With it, Vite resolves `node:` builtins in jsdom test files to a bare
 * browser stub that Vitest cannot load ("No such built-in module: node:", vitest#11324), and the
 * UI and embed tests start the emulator from jsdom files. React's development build is what
 * tests want anyway (its warnings catch mistakes).
 */
const testConfig: UserConfig = {
  define: { __ASSET_SELECTOR_VERSION__: JSON.stringify(version) },
  plugins: [react()],
  publicDir: false,
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One emulator for the UI test files that need no special one.
    globalSetup: ['test/ui/sharedEmulator.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
};

/**
 * The script-tag build's React is Preact's compatibility layer, bundled in: a page needs nothing
 * else, at about an eighth of React DOM's weight. `react` is src/scriptTag/react.ts, which is
 * `preact/compat` with a `useId` unique in the whole page.
 */
const PREACT_AS_REACT = [
  { find: /^react$/, replacement: resolve(ROOT, 'src/scriptTag/react.ts') },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
];

/**
 * Terser rather than the default (Oxc) minifier for the published bundles: about 0.4 kB gzip
 * smaller on the script-tag build, which sits close to its 45-kB budget (the ESM build keeps Oxc).
 */
const TERSER = { minify: 'terser', terserOptions: { compress: { pure_getters: true }, ecma: 2020 } } as const;

/** The script-tag (IIFE) build: global `AssetSelector`, Preact inside. */
function scriptTagBuild(): UserConfig {
  return {
    ...shared,
    plugins: [...shared.plugins!, scriptTagVariants(), scriptTagCatalogs()],
    resolve: { alias: PREACT_AS_REACT },
    build: {
      outDir: DIST,
      emptyOutDir: false,
      sourcemap: true,
      ...TERSER,
      lib: { entry: resolve(ROOT, 'src/iife.ts'), formats: ['iife'], name: 'AssetSelector', fileName: () => 'asset-selector.iife.js' },
      // V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every
      // function as the script streams in, off the main thread, not one by one as the first mount
      // calls them (README, Performance).
      rolldownOptions: { output: { postBanner: '//# allFunctionsCalledOnLoad' } },
    },
  };
}

/**
 * The parts' scripts (`asset-selector.editors.js`, `asset-selector.repository.js`):
 * src/scriptTag/lazyParts.ts publishes the main script's Preact and ui/editorHost.ts under
 * `Symbol.for('asset-selector.editors')`; each IIFE takes these three modules from there, so its
 * parts render with the page's one Preact into the one store. Each is wrapped in a check that runs
 * first: built from another release than the main script, it reports that (the part shows its
 * load error) instead of running against exports it does not know.
 *
 * Each of the three is a module of the parts' build that takes its names once, as constants
 * (`export const { jsx, jsxs, Fragment } = runtime.jsxRuntime`), read from the file that lists
 * them: the minified parts call `n(…)`, not `(0,a.jsx)(…)` as they would through an external's
 * namespace (49 bytes after gzip on the editors' script: gzip had folded most of the repetition).
 */
const PARTS_RUNTIME: Readonly<Record<string, { member: string; names: string; from?: string }>> = {
  react: { member: 'react', names: 'src/scriptTag/partsReact.ts' },
  'react/jsx-runtime': { member: 'jsxRuntime', names: 'src/scriptTag/partsJsxRuntime.ts' },
  [resolve(ROOT, 'src/ui/editorHost.ts')]: { member: 'editorHost', names: 'src/ui/editorHost.ts' },
  // Core modules the main script carries anyway, which the repository parts' clients import: a
  // part takes what editorHost.ts passes on of each rather than a copy (0.4 kB gzip less on
  // `asset-selector.repository.js`). A name it does not pass on is not exported here, so a part
  // that imports one fails to build.
  ...Object.fromEntries(
    ['selectorError.ts', 'retryTiming.ts', 'responseShapes.ts'].map((file) => [resolve(ROOT, 'src/core', file), { member: 'editorHost', names: 'src/ui/editorHost.ts', from: `../core/${file}` }]),
  ),
};

function partsRuntime(): Plugin {
  const prefix = '\0asset-selector-parts-runtime:';
  return {
    name: 'asset-selector:parts-runtime',
    enforce: 'pre',
    resolveId(source, importer) {
      const id = source.startsWith('.') && importer ? resolve(dirname(importer), source) : source;
      return id in PARTS_RUNTIME ? prefix + id : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const { member, names, from } = PARTS_RUNTIME[id.slice(prefix.length)]!;
      // `runtime` is the parameter of the check around the IIFE (editorsHandshake).
      return `export const { ${[...reExportedNames(readFileSync(resolve(ROOT, names), 'utf8'), from)].join(', ')} } = runtime.${member};`;
    },
  };
}

/** The check around a part's IIFE, added after minification (it opens a function the IIFE closes in). */
function editorsHandshake(file: string) {
  return {
    postBanner:
      `(function(runtime){if(!runtime||runtime.version!==${JSON.stringify(version)}){var m="asset-selector: ${file} is version ${version}, but "+` +
      `(runtime?"asset-selector.iife.js is "+runtime.version+"; load both from one release":"no asset-selector.iife.js loaded it");` +
      `runtime&&runtime.refuse?runtime.refuse(m,${JSON.stringify(file)}):console.error(m);return}`,
    postFooter: '})(globalThis[Symbol.for("asset-selector.editors")]);',
  };
}

/**
 * hls.js for the script-tag build's video player, where the browser has no HLS of its own: its
 * light build, as published (minified UMD: it defines `Hls` as a classic script), written beside
 * the script as `asset-selector.hls.js` and loaded by src/scriptTag/loadHls.ts only then.
 */
function emitHls(): Plugin {
  return {
    name: 'asset-selector:hls',
    generateBundle() {
      const code = readFileSync(resolve(ROOT, 'node_modules/hls.js/dist/hls.light.min.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
      this.emitFile({ type: 'asset', fileName: 'asset-selector.hls.js', source: code });
    },
  };
}

/** One of the parts' scripts: `--mode iife-editors` (src/iifeEditors.ts), `--mode iife-repository` (src/iifeRepository.ts, with hls.js beside it). */
function partsBuild(entry: string, file: string, extra: Plugin[] = []): UserConfig {
  return {
    ...shared,
    plugins: [partsRuntime(), ...shared.plugins!, scriptTagVariants(), ...extra],
    build: {
      outDir: DIST,
      emptyOutDir: false,
      sourcemap: true,
      ...TERSER,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name: 'AssetSelectorParts', fileName: () => file },
      rolldownOptions: { output: editorsHandshake(file) },
    },
  };
}

/**
 * `dist/adobe-compat.js` (`--mode adobe-compat`): Adobe's `window.PureJSSelectors` as one small
 * classic script that loads the script-tag build from beside itself (src/adobeCompat.ts). Its
 * few messages come from `i18n/*.json` beside it, English too (src/adobe/scriptCatalogs.ts), and
 * it is counted against its own budget on top of the script-tag build (build/bundleBudgets.ts).
 */
function adobeCompatBuild(): UserConfig {
  const catalogs = resolve(ROOT, 'src/i18n/catalogs.ts');
  const compatCatalogs: Plugin = {
    name: 'asset-selector:adobe-compat-catalogs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || resolve(dirname(importer), source) !== catalogs) return null;
      return resolve(ROOT, 'src/adobe/scriptCatalogs.ts');
    },
    // The script-tag build writes the other languages; English is a file here only.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'i18n/en.json', source: JSON.stringify({ ...messagesEn, ...messagesEnImageEditor, ...messagesEnAdvancedQuery, ...messagesEnAdobe, ...messagesEnUpload, ...messagesEnDownload, ...messagesEnVideo, ...messagesEnFolders }) });
    },
  };
  return {
    ...shared,
    plugins: [...shared.plugins!, compatCatalogs],
    build: {
      outDir: DIST,
      emptyOutDir: false,
      sourcemap: true,
      ...TERSER,
      lib: { entry: resolve(ROOT, 'src/adobeCompat.ts'), formats: ['iife'], name: 'AssetSelectorAdobeCompat', fileName: () => 'adobe-compat.js' },
    },
  };
}

/**
 * The ESM builds. `asset-selector.js` is built alone, its static part one chunk (staticPartOf)
 * with its lazy parts beside it: built with the other entries, the code they share became chunks
 * of its own, and three files where one would do cost 1.5 kB gzip of the static part (issue 9).
 * Its entry may export more than src/index.ts (`allow-extension`). `core.js` and
 * `adobe.js` are a second build (`--mode esm-extras`): a host importing both `asset-selector` and
 * `asset-selector/core` gets the core twice (about 15 kB gzip, headless hosts rarely do), and
 * `SelectorError` is recognised across copies by a brand (src/core/selectorError.ts), not by identity.
 */
/**
 * Names every module the entries load statically "static", so they make one chunk: left to the
 * automatic chunking, the modules the static part shares with each lazy part became chunks of
 * their own (five files where one does; each compresses apart, +2 kB gzip).
 */
function staticPartOf(entries: string[]) {
  let staticModules: Set<string> | undefined;
  return (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }): string | null => {
    // Once per build: every module reached from an entry through static imports.
    if (!staticModules) {
      const seen = new Set<string>();
      const visit = (module: string) => {
        if (seen.has(module)) return;
        seen.add(module);
        for (const imported of ctx.getModuleInfo(module)?.importedIds ?? []) visit(imported);
      };
      entries.forEach(visit);
      staticModules = seen;
    }
    return staticModules.has(id) && !entries.includes(id) ? 'static' : null;
  };
}

/**
 * The JSX transform marks each element's call `/* @__PURE__ *\/`, so that a bundler may drop one
 * whose value is unused. Ours are all inside components, whose elements are always used (no module
 * has JSX at its top level), so in the published ESM build the marks were bytes and nothing else:
 * 0.2 kB gzip of the static part. Oxc does not honour `jsx: { pure: false }` here (rolldown 1.x),
 * so each mark is blanked after the transform, to as many spaces (code keeps its columns, so the
 * source map stays as it is; the minifier drops the spaces). Other marks (`new Set` and the like
 * at module level) stay.
 */
function jsxCallsUnmarked(): Plugin {
  const MARK = '/* @__PURE__ */ ';
  return {
    name: 'asset-selector:jsx-calls-unmarked',
    transform: {
      filter: { id: /\.tsx$/, code: MARK },
      handler(code) {
        return { code: code.replace(/\/\* @__PURE__ \*\/ (?=_jsxs?\()/g, ' '.repeat(MARK.length)), map: null };
      },
    },
  };
}

function esmBuild(entry: Record<string, string>, emptyOutDir: boolean, oneStaticChunk = false): UserConfig {
  return {
    ...shared,
    plugins: [...shared.plugins!, jsxCallsUnmarked()],
    build: {
      outDir: DIST,
      emptyOutDir,
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external: isReact,
        preserveEntrySignatures: 'allow-extension',
        // Vite leaves whitespace in ES library builds; this bundle is not edited downstream, so ship it
        // minified (pure annotations stay, so bundlers can still drop what a host does not import).
        // Oxc, not Terser, here: with the annotations kept, Terser's output is 0.1 kB larger.
        output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true, ...(oneStaticChunk ? { codeSplitting: { groups: [{ name: staticPartOf(Object.values(entry)) }] } } : {}) },
      },
    },
  };
}

/**
 * The demo build's Adobe-compatible React page: `asset-selector/adobe` is the built `dist/adobe.js`,
 * as a host app would load it. The page's own `react` and `react-dom` are a second copy (the same
 * files under another module id, `?host-copy`), as when a host resolves `react` elsewhere than the
 * selector does: its components must work without sharing hooks with the page.
 */
const ADOBE_DEMO = {
  input: resolve(ROOT, 'demo/adobe-compat/react/index.html'),
  alias: { find: /^asset-selector\/adobe$/, replacement: resolve(DIST, 'adobe.js') },
  plugin: (): Plugin => {
    const page = resolve(ROOT, 'demo/adobe-compat/react/main.jsx');
    const COPY = '?host-copy';
    return {
      name: 'asset-selector:adobe-demo-host-react',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!importer || (importer !== page && !importer.endsWith(COPY))) return null;
        if (importer === page && !/^(react|react-dom|scheduler)(\/|$)/.test(source)) return null;
        const resolved = await this.resolve(source, importer.replace(COPY, ''), { ...options, skipSelf: true });
        return resolved && !resolved.external && !resolved.id.includes('?') && resolved.id.includes('node_modules') ? `${resolved.id}${COPY}` : resolved;
      },
      load(id) {
        return id.endsWith(COPY) ? readFileSync(id.slice(0, -COPY.length), 'utf8') : null;
      },
    };
  },
};

/**
 * `npm run build` runs seven vite builds (their formats cannot share one run) and tsc for the types:
 * - default mode: ESM `dist/asset-selector.js` (one file, its lazy parts in `dist/chunks/`) and
 *   `dist/asset-selector.css`;
 * - `--mode esm-extras`: ESM `dist/core.js` and `dist/adobe.js` (see esmExtrasBuild);
 * - `--mode iife`: `dist/asset-selector.iife.js`, Preact inside, global `AssetSelector`;
 * - `--mode iife-editors`: `dist/asset-selector.editors.js`, both editors, which the former loads on first use;
 * - `--mode iife-repository`: `dist/asset-selector.repository.js`, the upload queue, folders, archive
 *   download and video player, likewise, and hls.js beside it as `dist/asset-selector.hls.js`;
 * - `--mode adobe-compat`: `dist/adobe-compat.js`, Adobe's `PureJSSelectors` over the script-tag build;
 * - `--mode demo`: the React host app in `dist/demo/react/` and the ESM build's test host page in
 *   `dist/demo/esm-host/`, and the Adobe-compatible React page (all served by the emulator under `/dist/`).
 * Vitest runs in mode `test` (testConfig above).
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'test') return testConfig;
  if (mode === 'iife') return scriptTagBuild();
  if (mode === 'iife-editors') return partsBuild('src/iifeEditors.ts', 'asset-selector.editors.js');
  if (mode === 'iife-repository') return partsBuild('src/iifeRepository.ts', 'asset-selector.repository.js', [emitHls()]);
  if (mode === 'adobe-compat') return adobeCompatBuild();
  if (mode === 'demo') {
    return {
      ...shared,
      plugins: [...shared.plugins!, esmHostPage(), ADOBE_DEMO.plugin()],
      // Pages by their path under the repository: dist/demo/react/ and dist/demo/esm-host/.
      root: ROOT,
      base: '/dist/',
      // The ESM host page loads the built package, as a host app would (React from the page).
      resolve: { alias: [{ find: /^asset-selector$/, replacement: resolve(DIST, 'asset-selector.js') }, ADOBE_DEMO.alias] },
      build: {
        outDir: DIST,
        emptyOutDir: false,
        assetsDir: 'demo/assets',
        sourcemap: true,
        rolldownOptions: { input: [resolve(ROOT, 'demo/react/index.html'), resolve(ROOT, 'demo/esm-host/index.html'), ADOBE_DEMO.input] },
      },
    };
  }
  if (mode === 'esm-extras') return esmBuild({ core: resolve(ROOT, 'src/core/index.ts'), adobe: resolve(ROOT, 'src/adobe/index.ts') }, false);
  const main = esmBuild({ 'asset-selector': resolve(ROOT, 'src/index.ts') }, true, true);
  return { ...main, plugins: [...main.plugins!, emitStylesheet()] };
});
