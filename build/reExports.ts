/** The names a module re-exports (`export { a, b as c } from …`), as exported. */
export function reExportedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s*export\s*\{([^}]*)\}\s*from/gm)) {
    for (const item of m[1]!.split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  return names;
}
