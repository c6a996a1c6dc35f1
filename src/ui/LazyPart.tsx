import { Component, lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { ErrorState } from './ErrorState.tsx';
import { useTranslator } from './useTranslator.ts';

interface BoundaryProps {
  fallback(error: unknown): ReactNode;
  children: ReactNode;
}

/** Catches a failed load, which would otherwise unmount the whole selector. */
class LoadBoundary extends Component<BoundaryProps, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * One lazy component per part, shared by every place and every time it is shown: once loaded, it
 * renders at once (a lazy component made anew would show its placeholder for a frame, each time).
 */
const lazies = new Map<() => Promise<unknown>, ComponentType<never>>();

/**
 * A part few sessions use, or not at once (the editors, the repository's parts, the focused asset's
 * details, a modal's frame, the upload controls), loaded on first use (ui/lazyParts.ts: a chunk of
 * its own in the ESM build, a script beside the main one, or the main script itself, in the
 * script-tag build), so hosts whose users never open it never load it. A busy placeholder
 * shows meanwhile. A failed load is shown with Retry, which tries again with a fresh lazy
 * component (React keeps a failed one failed). `load` must be a stable (module-level) function.
 */
export function LazyPart<P extends object>({ load, props, className, failedTitle }: { load: () => Promise<ComponentType<P>>; props: P; className: string; failedTitle?: string }) {
  const t = useTranslator();
  const [attempt, setAttempt] = useState(0);
  const Loaded = useMemo(() => {
    let part = lazies.get(load) as ComponentType<P> | undefined;
    // Kept once loaded; a failed load is forgotten, so the next time it is shown tries again.
    if (!part || attempt > 0) {
      lazies.set(load, (part = lazy(() => load().then((component) => ({ default: component }), (error: unknown) => {
        lazies.delete(load);
        throw error;
      }))));
    }
    return part;
  }, [load, attempt]);
  return (
    <LoadBoundary key={attempt} fallback={(error) => <ErrorState error={error} title={failedTitle ?? t.t('editorLoadFailed')} onRetry={() => setAttempt((n) => n + 1)} />}>
      <Suspense fallback={<div className={className} aria-busy="true" />}>
        <Loaded {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
