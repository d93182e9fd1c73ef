import type { StepRecord } from '../../../shared/model';

/**
 * The time the run spent working: the union of its steps' [start, end] (steps run side by side), so a
 * pause or a night before Continue is not counted as work.
 */
export function workingTimeMs(steps: readonly StepRecord[]): number {
  const spans = steps
    .filter((step) => step.startedAt && step.finishedAt)
    .map((step) => [Date.parse(step.startedAt!), Date.parse(step.finishedAt!)] as const)
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to >= from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/** "14:03:22" in local time (24 h, like the log). */
export function clockOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
