import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations, lazyPartViolations, sourcesUnder } from '../../build/checkLayers.ts';

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

  it('the lazy parts reach the selector only through ui/editorHost.ts', () => {
    expect(lazyPartViolations(sourcesUnder(resolve(import.meta.dirname, '../../src')))).toEqual([]);
  });

  it('catches a lazy part that imports a module the selector loads, a package other than react, or a name of react the script-tag build does not publish to its parts', () => {
    const files = {
      'iife.ts': "import { SelectorLayout } from './ui/SelectorLayout.tsx';",
      'iifeEditors.ts': "import { ImageEditor } from './ui/editor/ImageEditor.tsx';",
      'ui/SelectorLayout.tsx': "import { loadImageEditor } from './lazyParts.ts';\nimport { useTranslator } from './useTranslator.ts';\nimport { ErrorState } from './ErrorState.tsx';",
      'ui/lazyParts.ts': "export const loadImageEditor = () => import('./editor/ImageEditor.tsx');\nexport const loadOther = () => import('./Other.tsx');",
      'ui/editorHost.ts': "export { useTranslator } from './useTranslator.ts';\nexport { ErrorState } from './ErrorState.tsx';",
      'ui/useTranslator.ts': "import { createContext } from 'react';",
      'ui/ErrorState.tsx': "import { asSelectorError } from '../core/selectorError.ts';",
      'ui/editor/ImageEditor.tsx': [
        "import { useState } from 'react';",
        "import type { SelectorStore } from '../../store/createSelectorStore.ts';",
        "import { useTranslator } from '../editorHost.ts';",
        "import { CropArea } from './CropArea.tsx';",
        "import { cropForKey } from '../../core/cropGeometry.ts';",
        "import { asSelectorError } from '../../core/selectorError.ts';",
      ].join('\n'),
      'ui/editor/CropArea.tsx': "import { ErrorState } from '../ErrorState.tsx';\nimport { create } from 'zustand';\nimport { memo, useId as useUniqueId, type ReactNode } from 'react';",
      // Core's imports among themselves may repeat a pure module in the editors' script.
      'core/cropGeometry.ts': "import { asSelectorError } from './selectorError.ts';",
      'core/selectorError.ts': '',
      'ui/Other.tsx': "import { useTranslator } from './useTranslator.ts';\nimport * as React from 'react';",
      'scriptTag/partsReact.ts': "export { useState } from 'preact/compat';\nexport { useId } from './react.ts';",
    };
    expect(lazyPartViolations(files)).toEqual([
      'ui/editor/ImageEditor.tsx → core/selectorError.ts: the selector loads it; a lazy part imports it through ui/editorHost.ts',
      "ui/editor/CropArea.tsx → react's memo: the script-tag build does not publish it to its parts; add it to scriptTag/partsReact.ts",
      'ui/editor/CropArea.tsx → ui/ErrorState.tsx: the selector loads it; a lazy part imports it through ui/editorHost.ts',
      'ui/editor/CropArea.tsx → package zustand: a lazy part uses only react',
      'ui/Other.tsx → react: a lazy part imports what it uses of react by name',
      'ui/Other.tsx → ui/useTranslator.ts: the selector loads it; a lazy part imports it through ui/editorHost.ts',
    ]);
  });

  it('lets the script-tag build carry a part in its main script, but checks that part like any other, and never in a parts’ script too', () => {
    const files = {
      'iife.ts': "import { DetailsPanel } from './ui/DetailsPanel.tsx';",
      'iifeRepository.ts': "import { Frame } from './ui/Frame.tsx';",
      'ui/DetailsPanel.tsx': "import { loadDetails } from './lazyParts.ts';\nimport { ErrorState } from './ErrorState.tsx';",
      'ui/lazyParts.ts': "export const loadDetails = () => import('./details/Details.tsx');\nexport const loadFrame = () => import('./Frame.tsx');",
      'scriptTag/lazyParts.ts': "import { Details } from '../ui/details/Details.tsx';\nimport { Frame } from '../ui/Frame.tsx';\nimport * as editorHost from '../ui/editorHost.ts';",
      'ui/editorHost.ts': "export { useTranslator } from './useTranslator.ts';",
      'ui/useTranslator.ts': "import { createContext } from 'react';",
      'ui/details/Details.tsx': "import { useTranslator } from '../editorHost.ts';\nimport { ErrorState } from '../ErrorState.tsx';",
      'ui/ErrorState.tsx': '',
      'ui/Frame.tsx': '',
    };
    expect(lazyPartViolations(files)).toEqual([
      "ui/Frame.tsx: the script tag's main script carries it, and a parts' script too",
      'ui/details/Details.tsx → ui/ErrorState.tsx: the selector loads it; a lazy part imports it through ui/editorHost.ts',
    ]);
  });
});
