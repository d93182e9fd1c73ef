import type { LogEntry } from '../../../shared/model';
import { stepDefinition } from '../../../shared/steps/catalog';

export const stepTitle = (stepId: LogEntry['stepId']) => (stepId ? stepDefinition(stepId).title : '');

/** "14:03:22.481" in local time. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** One entry as a line of text, for the clipboard and the helpdesk. */
export function entryText(entry: LogEntry): string {
  const parts = [entry.time, entry.level.toUpperCase(), entry.stepId ?? '-', entry.correlationId ?? '-', entry.message];
  return `${parts.join('  ')}${entry.data ? `\n${JSON.stringify(entry.data, null, 2)}` : ''}`;
}
