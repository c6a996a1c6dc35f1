import type { Budget } from '../stats.ts';

/** One runtime figure, measured on each of our builds: raw samples per build id. */
export interface RuntimeFigure {
  key: string;
  label: string;
  /** For the chart, where a label has about 40 characters of room. */
  short: string;
  unit: string;
  budget?: Budget;
  /** Which section measured it (`npm run bench -- <section>` measures it again). */
  section: string;
  /** Per build id; `label` is the build's label when it was measured (stamped by mergeRuntime). */
  builds: Record<string, { samples: number[]; note?: string; label?: string }>;
}

/** Collects samples per figure and build, in the order figures are first defined. */
export class FigureSet {
  readonly figures: RuntimeFigure[] = [];

  constructor(private readonly section: string) {}

  define(key: string, label: string, short: string, unit: string, budget?: Budget): this {
    if (!this.figures.some((f) => f.key === key)) this.figures.push({ key, label, short, unit, ...(budget ? { budget } : {}), section: this.section, builds: {} });
    return this;
  }

  add(key: string, build: string, ...samples: number[]): void {
    const figure = this.figures.find((f) => f.key === key);
    if (!figure) throw new Error(`bench: figure "${key}" is not defined`);
    (figure.builds[build] ??= { samples: [] }).samples.push(...samples);
  }

  note(key: string, build: string, note: string): void {
    const figure = this.figures.find((f) => f.key === key);
    if (!figure) throw new Error(`bench: figure "${key}" is not defined`);
    (figure.builds[build] ??= { samples: [] }).note = note;
  }
}
