import { useLayoutEffect, useRef, useState } from 'react';
import type { SelectorOptions } from '../core/options.ts';
import { validateOptions } from '../core/validateOptions.ts';
import { injectStyles } from './injectStyles.ts';
import { defaultLocale } from '../i18n/defaultLocale.ts';
import { messageReference } from '../i18n/messageReference.ts';
import { createSelectorStore } from '../store/createSelectorStore.ts';
import { SelectorRoot } from './SelectorRoot.tsx';

export type AssetSelectorProps = SelectorOptions;

function sameProps(a: SelectorOptions, b: SelectorOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SelectorOptions>;
  for (const key of keys) if (!Object.is(a[key], b[key])) return false;
  return true;
}

/**
 * The React component: the options of `mount()` as props (DESIGN.md). Invalid props throw the
 * same TypeError `mount()` does, during render. One store per component instance; later prop
 * changes are validated and pushed into it. Mounting it shows it: a modal selector opens at once,
 * and the host unmounts it (or keeps it, closed) after `onClose` / `onSelect`.
 */
export function AssetSelector(props: AssetSelectorProps) {
  const validated = validateOptions(props, { locale: defaultLocale(), catalog: messageReference });
  const [store] = useState(() => {
    const created = createSelectorStore(validated);
    if (validated.mode === 'modal') created.getState().open();
    return created;
  });
  const previous = useRef(props);
  // The stylesheet, adopted into the document as the first selector renders: before any layout
  // effect (React runs a child's before its parent's; the layout and the grid read their sizes in
  // theirs), so nothing is laid out unstyled and styled again. Adopting it again does nothing.
  // It is a chunk of its own, on its way since this module ran (applyStylesheet.ts): until it is
  // here, injectStyles gives its promise, and the frame waits for it (SelectorRoot).
  const styles = typeof document === 'undefined' ? undefined : injectStyles(document);

  useLayoutEffect(() => {
    if (sameProps(previous.current, props)) return;
    const modeChanged = (previous.current.mode ?? 'inline') !== (props.mode ?? 'inline');
    previous.current = props;
    store.getState().setOptions(validated);
    if (modeChanged && validated.mode === 'modal') store.getState().open();
  });

  return <SelectorRoot store={store} styles={styles} />;
}
