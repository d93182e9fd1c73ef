/** Steps a time axis may use: readable round numbers of milliseconds. */
const STEPS = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/** Tick positions from 0 to at least `spanMs`, at a round step, at most about `maxTicks` of them. */
export function niceTicks(spanMs: number, maxTicks = 8): number[] {
  const step = STEPS.find((candidate) => spanMs / candidate <= maxTicks) ?? STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let at = 0; at <= spanMs + 1e-9; at += step) ticks.push(at);
  return ticks;
}

/** "0 s", "1.5 s", "2 min", "1 min 30 s": a tick's label. */
export function tickLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
