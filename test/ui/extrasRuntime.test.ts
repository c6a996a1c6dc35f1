import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_WITH_EXTRAS } from '../../src/ui/extras/extrasRuntime.ts';
import { extrasRuntimeValues } from '../../src/ui/extras/extrasRuntimeValues.ts';

const SRC = resolve(import.meta.dirname, '../../src');

describe('what the script-tag build shares with asset-selector.extras.js', () => {
  it('publishes every module and name the extras expect, each defined', () => {
    expect(Object.keys(extrasRuntimeValues).sort()).toEqual(Object.keys(SHARED_WITH_EXTRAS).sort());
    for (const [key, names] of Object.entries(SHARED_WITH_EXTRAS)) {
      for (const name of names) expect({ key, name, defined: extrasRuntimeValues[key]?.[name] !== undefined }).toEqual({ key, name, defined: true });
    }
  });

  it('covers every import of a stateful module by the extras (a second copy would split React or the store)', () => {
    // The extras' files, and what they import from outside their own folders.
    const files = [
      ...readdirSync(resolve(SRC, 'ui/editor')).filter((f) => /\.tsx?$/.test(f)).map((f) => resolve(SRC, 'ui/editor', f)),
      resolve(SRC, 'ui/AdvancedQueryEditor.tsx'),
      resolve(SRC, 'ui/AdvancedQueryRow.tsx'),
    ];
    const mustShare = ['react', 'react/jsx-runtime', '@tanstack/react-query', 'ui/useSelectorStore.ts', 'ui/useRepositoryClient.ts', 'ui/useTranslator.ts', 'i18n/catalogs.ts'];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^import (type )?[^'"]*from '([^']+)'/gm)) {
        if (match[1]) continue; // type-only imports vanish from the bundle
        const specifier = match[2]!;
        const key = specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)).replaceAll('\\', '/') : specifier;
        if (mustShare.includes(key)) expect({ file: relative(SRC, file), key, shared: key in SHARED_WITH_EXTRAS }).toMatchObject({ shared: true });
      }
    }
  });
});
