import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SCRIPT_TAG_VARIANTS } from '../src/scriptTag/variants.ts';

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
  const violations = layerViolations(sourcesUnder(resolve(import.meta.dirname, '../src')));
  if (violations.length > 0) {
    console.error(`Imports that point the wrong way (core ← store ← ui ← embed; i18n beside core):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('layers: every import in src/ points one way');
}
