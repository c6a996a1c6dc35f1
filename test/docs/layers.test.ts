import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations, sourcesUnder } from '../../build/checkLayers.ts';

describe('the layers of src/ (core ← store ← ui ← embed; i18n beside core)', () => {
  it('every import points one way', () => {
    expect(layerViolations(sourcesUnder(resolve(import.meta.dirname, '../../src')))).toEqual([]);
  });

  it('catches an import that points up, a package a layer must not use, and a variant outside its layer', () => {
    const files = {
      'ui/AssetSelector.tsx': "import { injectStyles } from '../embed/injectStyles.ts';",
      'i18n/catalogs.ts': "export { besideScript } from '../scriptTag/besideScript.ts';",
      'store/useSelectorStore.ts': "import { createContext } from 'react';\nimport { useStore } from 'zustand';",
      'core/options.ts': "import type {\n  Translator,\n} from '../i18n/createTranslator.ts';",
      'core/lazy.ts': "const m = () => import('../store/createSelectorStore.ts');",
      'scriptTag/catalogLoaders.ts': "import { catalogFor } from '../i18n/catalogs.ts';\nimport { useTranslator } from '../ui/useTranslator.ts';",
      'embed/mount.ts': "import { SelectorRoot } from '../ui/SelectorRoot.tsx';\nimport css from '../ui/styles.css?inline';",
      'index.ts': "export { mount } from './embed/mount.ts';",
    };
    expect(layerViolations(files)).toEqual([
      'ui/AssetSelector.tsx → embed/injectStyles.ts',
      'i18n/catalogs.ts → scriptTag/besideScript.ts',
      'store/useSelectorStore.ts → package react',
      'store/useSelectorStore.ts → package zustand',
      'core/options.ts → i18n/createTranslator.ts',
      'core/lazy.ts → store/createSelectorStore.ts',
      'scriptTag/catalogLoaders.ts → ui/useTranslator.ts',
    ]);
  });
});
