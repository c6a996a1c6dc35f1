import type { Measurement } from './benchTools.ts';
import type { BundleRow } from './bundles/bundleBench.ts';
import type { RuntimeFigure } from './runtime/figures.ts';

/** Where and with what a section was measured. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  os: string;
  node: string;
  chromium: string;
  /** Versions of the packages that shape the figures (bundler, UI library, browser driver, image codec). */
  packages: Record<string, string>;
  /** 1-minute load average when the section started: the cores are shared with other work. */
  load: number;
  /** How the emulator that served Chromium was scheduled (benchTools.ts, prioritizeAsServer); runtime sections. */
  emulator?: string;
}

export interface SectionStamp {
  at: string;
  seconds: number;
  machine: Machine;
}

/**
 * Everything `npm run bench` measured, kept in bench/results.json so that running one section
 * (`npm run bench -- editor`) rewrites REPORT.md with the others' last figures.
 */
export interface Results {
  bundles?: SectionStamp & { rows: BundleRow[] };
  /** Runtime figures of every section that measures our builds (selector, scroll, editor). */
  runtime?: { figures: RuntimeFigure[]; builds: Array<{ id: string; label: string }>; sections: Record<string, SectionStamp> };
  emulator?: SectionStamp & { rows: Measurement[] };
  /** Video posters, streams and PDF thumbnails (ffmpeg, pdftoppm). */
  media?: SectionStamp & { rows: Measurement[] };
}

/** The order runtime sections' figures appear in, whatever order they were measured in. */
export const RUNTIME_SECTIONS = ['selector', 'scroll', 'editor'] as const;

/**
 * `previous` with one runtime section's figures replaced by a new measurement. Builds keep the
 * labels of the newest measurement (a build's label names what it carries, e.g. React or Preact).
 */
export function mergeRuntime(
  previous: Results['runtime'],
  section: string,
  stamp: SectionStamp,
  figures: RuntimeFigure[],
  builds: Array<{ id: string; label: string }>,
): NonNullable<Results['runtime']> {
  const kept = (previous?.figures ?? []).filter((f) => f.section !== section);
  const rank = (f: RuntimeFigure) => {
    const i = (RUNTIME_SECTIONS as readonly string[]).indexOf(f.section);
    return i < 0 ? RUNTIME_SECTIONS.length : i;
  };
  const labelOf = new Map(builds.map((b) => [b.id, b.label]));
  const stamped = figures.map((f) => ({
    ...f,
    section,
    builds: Object.fromEntries(Object.entries(f.builds).map(([id, entry]) => [id, { ...entry, ...(labelOf.has(id) ? { label: labelOf.get(id)! } : {}) }])),
  }));
  const all = [...kept, ...stamped];
  // Stable: figures keep their order within a section.
  const ordered = all.map((f, i) => [f, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([f]) => f);
  const labels = new Map((previous?.builds ?? []).map((b) => [b.id, b.label]));
  for (const b of builds) labels.set(b.id, b.label);
  return {
    figures: ordered,
    builds: [...labels].map(([id, label]) => ({ id, label })),
    sections: { ...(previous?.sections ?? {}), [section]: stamp },
  };
}
