import { StepStatus } from '../../shared/status';
import type { ProvisioningService } from '../service';
import type { RunUpdate } from '../../shared/ipc/contract';
import type { LogEntry } from '../../shared/model';
import { stepDefinition } from '../../shared/steps/catalog';
import type { HostPorts } from './ports';

export interface EventSinks {
  runUpdate(update: RunUpdate): void;
  logEntries(entries: LogEntry[]): void;
}

/**
 * Pushes run updates as they happen and log entries in batches (a busy run logs hundreds of lines a
 * second; the page needs them a few times a second), and notifies the desktop when a run ends.
 */
export function forwardEvents(service: ProvisioningService, sinks: EventSinks, ports: HostPorts, batchMs = 200): () => void {
  let batch: LogEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    sinks.logEntries(entries);
  };
  const stopLogs = service.onLog((entries) => {
    batch.push(...entries);
    timer ??= setTimeout(flush, batchMs);
  });
  const stopRuns = service.onRunUpdate((view, events) => {
    sinks.runUpdate({ view, events });
    for (const event of events) {
      if (event.type === 'run.finished') ports.notify(`${view.shopName}: ${RESULT_WORDS[event.status] ?? event.status}`, finishedText(view.run.status, view.steps.find((s) => s.status === StepStatus.Failed)?.stepId));
    }
  });
  return () => {
    stopLogs();
    stopRuns();
    clearTimeout(timer);
    flush();
  };
}

/** The words the run screen's badge uses for a finished run: one vocabulary on screen and in notifications. */
const RESULT_WORDS: Record<string, string> = { COMPLETED: 'POS ready', PARTIAL: 'Finished with problems', FAILED: 'Stopped' };

function finishedText(status: string, failedStep?: Parameters<typeof stepDefinition>[0]): string {
  if (status === 'COMPLETED') return 'The till can sell.';
  const where = failedStep ? ` “${stepDefinition(failedStep).title}” failed.` : '';
  return status === 'PARTIAL' ? `Most of the shop is set up;${where} Open the run to fix it.` : `The run stopped.${where} Open the run to see what to fix.`;
}
