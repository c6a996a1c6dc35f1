import type { useTranslator } from '../editorHost.ts';

/** What a failed collection write says: a refused token in words, otherwise the repository's detail. */
export function writeFailure(t: ReturnType<typeof useTranslator>, error: unknown): string {
  const e = error as { status?: number; problem?: { detail?: string }; message?: string };
  if (e.status === 401 || e.status === 403) return t.t('collNoWrite');
  return t.t('collWriteFailed', { detail: e.problem?.detail ?? e.message ?? String(error) });
}
