/** The names a module re-exports (`export { a, b as c } from …`), as exported; only those from `specifier` when given. */
export function reExportedNames(source: string, specifier?: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s*export\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (specifier !== undefined && m[2] !== specifier) continue;
    for (const item of m[1]!.split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  return names;
}
