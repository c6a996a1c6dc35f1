import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SCRIPT_TAG_VARIANTS } from '../src/scriptTag/variants.ts';
import { reExportedNames } from './reExports.ts';

/**
 * The layers of src/ and what each may import: core ← store ← ui ← embed ← adobe, with i18n a leaf beside
 * core that ui and embed use. Packages too: core and i18n use none, the store only zustand's
 * vanilla store (React is ui's). The entries (src/*.ts) may import anything. A file in
 * src/scriptTag/ stands in for a module of another layer in the script-tag build, so it follows
 * that module's layer (src/scriptTag/variants.ts); its other files import only each other and
 * Preact (src/scriptTag/react.ts is what `react` is in that build).
 */
const LAYERS: Readonly<Record<string, { modules: readonly string[]; packages: RegExp }>> = {
  core: { modules: ['core'], packages: /^$/ },
  i18n: { modules: ['i18n'], packages: /^$/ },
  store: { modules: ['core', 'store'], packages: /^zustand\/vanilla$/ },
  ui: { modules: ['core', 'i18n', 'store', 'ui'], packages: /./ },
  embed: { modules: ['core', 'i18n', 'store', 'ui', 'embed'], packages: /./ },
  adobe: { modules: ['core', 'i18n', 'store', 'ui', 'embed', 'adobe'], packages: /./ },
  scriptTag: { modules: ['scriptTag'], packages: /^preact(\/|$)/ },
};

/** Every module specifier a source file names: static and dynamic imports, and re-exports. */
function specifiers(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.add(m[1]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.add(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  return [...found];
}

const layerOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '.');

/**
 * The imports that point the wrong way, as `from → to` lines, for `files` (paths under src/ with
 * `/`, mapped to their source).
 */
export function layerViolations(files: Readonly<Record<string, string>>): string[] {
  const variantOf = Object.fromEntries(Object.entries(SCRIPT_TAG_VARIANTS).map(([module, variant]) => [variant, module]));
  const violations: string[] = [];
  for (const [path, source] of Object.entries(files)) {
    const own = layerOf(path);
    if (own === '.') continue;
    const rules = LAYERS[own];
    if (!rules) {
      violations.push(`${path}: not in a known layer (${Object.keys(LAYERS).join(', ')})`);
      continue;
    }
    const standsFor = variantOf[path];
    const allowed = standsFor ? { modules: [...LAYERS[layerOf(standsFor)]!.modules, 'scriptTag'], packages: LAYERS[layerOf(standsFor)]!.packages } : rules;
    for (const specifier of specifiers(source)) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(path), specifier.replace(/\?.*$/, '')).split(sep).join('/');
        if (target.startsWith('..') || !allowed.modules.includes(layerOf(target))) violations.push(`${path} → ${target}`);
      } else if (!allowed.packages.test(specifier)) violations.push(`${path} → package ${specifier}`);
    }
  }
  return violations;
}

/** The module a relative specifier in `from` names, as a path under src/ (`?inline` and the like dropped). */
const target = (from: string, specifier: string) => join(dirname(from), specifier.replace(/\?.*$/, '')).split(sep).join('/');

/** The modules `source` needs at run time: static imports and re-exports, not `import type`/`export type`. */
function valueImports(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.add(m[1]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.add(m[1]!);
  return [...found];
}

/** The seam: the one module whose `import()`s are the lazy parts (swapped whole in the script-tag build). */
const LAZY_PARTS = 'ui/lazyParts.ts';
/** What the lazy parts may use of the selector: one module, which the script-tag build publishes to them. */
const EDITOR_HOST = 'ui/editorHost.ts';
/** The seam's script-tag variant: it loads the parts from the scripts beside the main one, or carries a part itself (imports it statically). */
const SCRIPT_TAG_PARTS = 'scriptTag/lazyParts.ts';
/** The script-tag build's parts' scripts (asset-selector.editors.js, asset-selector.repository.js): the lazy parts' entries, not the selector's. */
const PARTS_ENTRIES = new Set(['iifeEditors.ts', 'iifeRepository.ts']);
/** The packages a lazy part may import: in the script-tag build they are the main script's (one Preact). */
const LAZY_PACKAGES = /^react(\/jsx-runtime|\/jsx-dev-runtime)?$/;
/** The names of `react` the main script publishes to its parts' scripts (lazyParts.ts): a lazy part may import only these. */
const PARTS_REACT = 'scriptTag/partsReact.ts';

/** What `source` imports from `react` at run time: named imports by name, a namespace or default import as `*`. */
function reactImports(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/^\s*import\s+(?!type\b)([^'"`;]*?)\s*from\s*['"]react['"]/gm)) {
    const clause = m[1]!;
    const named = /\{([^}]*)\}/.exec(clause);
    if (clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim()) names.push('*');
    for (const item of named?.[1]?.split(',') ?? []) {
      const name = item.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!);
    }
  }
  return names;
}

/**
 * The lazy parts (the editors) reach the rest of the selector only through ui/editorHost.ts. In
 * the script-tag build they are a second script; a module both scripts imported would be in each,
 * twice: a second store context, translator or error class that the main script's never see. So a
 * lazy part's file may not import a module the selector itself loads, except editorHost (and
 * react); core's own imports among themselves are pure functions, and a copy of one costs only bytes.
 * A part the script-tag build's main script carries itself (scriptTag/lazyParts.ts imports it: the
 * details, a modal's frame) is a part all the same, in no parts' script.
 */
export function lazyPartViolations(files: Readonly<Record<string, string>>): string[] {
  const variants = (path: string) => (SCRIPT_TAG_VARIANTS[path] ? [path, SCRIPT_TAG_VARIANTS[path]!] : [path]);
  const closure = (roots: string[], stop: (path: string) => boolean) => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path) || stop(path)) return;
      seen.add(path);
      for (const specifier of valueImports(files[path] ?? '')) if (specifier.startsWith('.')) variants(target(path, specifier)).forEach(visit);
    };
    roots.flatMap(variants).forEach(visit);
    return seen;
  };
  const entries = Object.keys(files).filter((path) => !path.includes('/') && !PARTS_ENTRIES.has(path));
  const parts = [...(files[LAZY_PARTS] ?? '').matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => target(LAZY_PARTS, m[1]!));
  const carried = new Set(valueImports(files[SCRIPT_TAG_PARTS] ?? '').filter((specifier) => specifier.startsWith('.')).map((specifier) => target(SCRIPT_TAG_PARTS, specifier)).filter((path) => parts.includes(path)));
  const selector = closure([...entries, EDITOR_HOST], (path) => carried.has(path));
  const partScripts = closure([...PARTS_ENTRIES], (path) => path === EDITOR_HOST);
  const lazy = closure(parts, (path) => path === EDITOR_HOST || selector.has(path));
  const violations: string[] = [];
  for (const path of parts) if (selector.has(path)) violations.push(`${path}: a lazy part the selector also imports statically`);
  for (const path of carried) if (partScripts.has(path)) violations.push(`${path}: the script tag's main script carries it, and a parts' script too`);
  const published = reExportedNames(files[PARTS_REACT] ?? '');
  for (const path of lazy) {
    if (layerOf(path) === 'core') continue;
    for (const name of reactImports(files[path] ?? '')) {
      if (!published.has(name)) {
        violations.push(
          name === '*'
            ? `${path} → react: a lazy part imports what it uses of react by name`
            : `${path} → react's ${name}: the script-tag build does not publish it to its parts; add it to ${PARTS_REACT}`,
        );
      }
    }
    for (const specifier of valueImports(files[path] ?? '')) {
      if (!specifier.startsWith('.')) {
        if (!LAZY_PACKAGES.test(specifier)) violations.push(`${path} → package ${specifier}: a lazy part uses only react`);
      } else if (target(path, specifier) !== EDITOR_HOST && selector.has(target(path, specifier))) {
        violations.push(`${path} → ${target(path, specifier)}: the selector loads it; a lazy part imports it through ${EDITOR_HOST}`);
      }
    }
  }
  return violations;
}

/** The TypeScript sources under `srcDir`, keyed by their path under it. */
export function sourcesUnder(srcDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(srcDir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const sources = sourcesUnder(resolve(import.meta.dirname, '../src'));
  const violations = layerViolations(sources);
  if (violations.length > 0) {
    console.error(`Imports that point the wrong way (core ← store ← ui ← embed; i18n beside core):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  const lazy = lazyPartViolations(sources);
  if (lazy.length > 0) {
    console.error(`Lazy parts that reach the selector other than through ${EDITOR_HOST}:\n  ${lazy.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`layers: every import in src/ points one way; the lazy parts reach the selector only through ${EDITOR_HOST}`);
}
