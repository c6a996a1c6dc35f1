import { Component, lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { ErrorState } from '../ErrorState.tsx';
import { useTranslator } from '../useTranslator.ts';
import type { ExtrasComponents } from './extrasRuntime.ts';
import { loadExtra } from './loadExtra.ts';

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

type PropsOf<K extends keyof ExtrasComponents> = ExtrasComponents[K] extends ComponentType<infer P> ? P & object : never;

/**
 * A part loaded on first use (a chunk, or the file beside the script-tag build), with a busy
 * placeholder meanwhile. A failed load is shown with Retry, which tries again with a fresh lazy
 * component (React keeps a failed one failed).
 */
export function LazyExtra<K extends keyof ExtrasComponents>({ name, props, className }: { name: K; props: PropsOf<K>; className: string }) {
  const t = useTranslator();
  const [attempt, setAttempt] = useState(0);
  const Loaded = useMemo(() => lazy(() => loadExtra(name)) as unknown as ComponentType<Record<string, unknown>>, [name, attempt]);
  return (
    <LoadBoundary key={attempt} fallback={(error) => <ErrorState error={error} title={t.t('editorLoadFailed')} onRetry={() => setAttempt((n) => n + 1)} />}>
      <Suspense fallback={<div className={className} aria-busy="true" />}>
        <Loaded {...(props as Record<string, unknown>)} />
      </Suspense>
    </LoadBoundary>
  );
}
