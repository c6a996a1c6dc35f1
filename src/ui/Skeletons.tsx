import { useLayoutEffect, useRef } from 'react';
import { firstScreenOf } from './firstScreen.ts';
import { useElementSize } from './useElementSize.ts';
import { useSelectorStore } from './useSelectorStore.ts';
import { useTranslator } from './useTranslator.ts';

const PLACEHOLDERS = Array.from({ length: 12 }, (_, i) => i);

/**
 * Placeholder cards while the first page loads (the live status says "Searching…"). They hold the
 * grid's place, so their box tells what the grid's first screen will hold (firstScreen.ts).
 */
export function ResultSkeletons() {
  const t = useTranslator();
  const ref = useRef<HTMLDivElement>(null);
  const screen = firstScreenOf(useSelectorStore());
  const size = useElementSize(ref);
  useLayoutEffect(() => screen.shown(size, ref.current!, true), [screen, size]);
  return (
    <div ref={ref} className="as-skeletons" aria-busy="true">
      <span className="as-visually-hidden">{t.t('loading')}</span>
      <div className="as-skeleton-grid" aria-hidden="true">
        {PLACEHOLDERS.map((i) => (
          <div key={i} className="as-skeleton-card">
            <div className="as-skeleton as-skeleton-thumb" />
            <div className="as-skeleton as-skeleton-line" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** Placeholder lines of text (the filter groups and a group's values not known yet, an asset's details on their way). */
export function SkeletonLines({ count = 2 }: { count?: number }) {
  return (
    <div className="as-skeleton-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="as-skeleton as-skeleton-line" />
      ))}
    </div>
  );
}
