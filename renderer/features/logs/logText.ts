import type { LogEntry } from '../../../shared/model';
import { stepDefinition } from '../../../shared/steps/catalog';

/** The step an entry belongs to; entries of no step are the run's own (operator actions, start, end). */
export const stepTitle = (stepId: LogEntry['stepId']) => (stepId ? stepDefinition(stepId).title : 'Run');

/** "2026-01-05 14:03:22.481" in local time: a support call spans days, so the date is always there. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** One entry as a line of text, for the clipboard and the helpdesk. */
export function entryText(entry: LogEntry): string {
  const parts = [entry.time, entry.level.toUpperCase(), entry.stepId ?? '-', entry.correlationId ?? '-', entry.message];
  return `${parts.join('  ')}${entry.data ? `\n${JSON.stringify(entry.data, null, 2)}` : ''}`;
}
