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
      if (event.type === 'run.finished') ports.notify(`${view.shopName}: ${event.status}`, finishedText(view.run.status, view.steps.find((s) => s.status === StepStatus.Failed)?.stepId));
    }
  });
  return () => {
    stopLogs();
    stopRuns();
    clearTimeout(timer);
    flush();
  };
}

function finishedText(status: string, failedStep?: Parameters<typeof stepDefinition>[0]): string {
  if (status === 'COMPLETED') return 'POS ready: the till can sell.';
  const where = failedStep ? ` at "${stepDefinition(failedStep).title}"` : '';
  return status === 'PARTIAL' ? `Set up with problems${where}; open the run to continue.` : `Stopped${where}; open the run to see what to fix.`;
}
