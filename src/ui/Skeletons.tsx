import { useTranslator } from './useTranslator.ts';

const PLACEHOLDERS = Array.from({ length: 12 }, (_, i) => i);

/** Placeholder cards while the first page loads (the live status says "Searching…"). */
export function ResultSkeletons() {
  const t = useTranslator();
  return (
    <div className="as-skeletons" aria-busy="true">
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

/** Placeholder lines for a panel (the details while their metadata loads). */
export function LineSkeletons({ lines = 4 }: { lines?: number }) {
  return (
    <div className="as-skeleton-lines" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="as-skeleton as-skeleton-line" />
      ))}
    </div>
  );
}
