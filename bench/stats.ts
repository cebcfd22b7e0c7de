// Summaries of repeated measurements: median, min, max and percentiles, and per-run ratios.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(runs: readonly number[]): Summary {
  const finite = runs.filter((v) => Number.isFinite(v));
  if (finite.length === 0)
    return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [] };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? Number.NaN)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs: finite };
}

/** Run i of `top` over run i of `bottom`: runs made side by side share the machine's load. */
export function pairedRatio(top: readonly number[], bottom: readonly number[]): Summary {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(top.length, bottom.length); i++) {
    const t = top[i];
    const b = bottom[i];
    if (t !== undefined && b !== undefined && b > 0) ratios.push(t / b);
  }
  return summarize(ratios);
}
