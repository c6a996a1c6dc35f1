/** What a figure reports: the median of its runs and how far they spread. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Quartiles (linear interpolation between order statistics). */
  q1: number;
  q3: number;
}

/** The value at quantile `q` (0–1) of sorted samples, interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Median, min–max and quartiles of the finite samples (a run that failed is NaN and left out). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

export interface Budget {
  limit: number;
  /** `max`: the figure must stay at or under the limit; `min`: at or over it. */
  kind: 'max' | 'min';
}

/** Whether a value keeps its budget (a missing value does not). */
export function withinBudget(value: number, budget: Budget): boolean {
  if (!Number.isFinite(value)) return false;
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
}

/** A number for a table: no decimals from 100 up, one below, two below 1; thousands separated. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 || value === 0 ? 1 : 2;
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "456 ms (420–510)": the median, then the range of the runs when there are several. */
export function formatSummary(summary: Summary, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (summary.n === 0) return 'no runs';
  if (summary.n === 1 || summary.min === summary.max) return `${formatNumber(summary.median)}${u}`;
  return `${formatNumber(summary.median)}${u} (${formatNumber(summary.min)}–${formatNumber(summary.max)})`;
}
