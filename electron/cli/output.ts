import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, StepStatus } from '../../shared/status';
import { STEP_CATALOG, stepDefinition } from '../../shared/steps/catalog';

export interface Output {
  update(view: RunView, events: RunEvent[]): void;
  message(text: string): void;
  result(view: RunView, exitCode: number): void;
  /** Where the run stands, without running anything (`status`). */
  status(view: RunView, exitCode: number): void;
}

const ICON: Record<string, string> = { pending: '·', running: '…', retrying: '↻', succeeded: '✓', failed: '✗', skipped: '⤼' };
const seconds = (ms: number | null) => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`);

function bar(progress: number, width = 24): string {
  const filled = Math.round(progress * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(progress * 100)).padStart(3)}%`;
}

function stepLine(view: RunView, index: number): string {
  const def = STEP_CATALOG[index]!;
  const step = view.steps[index]!;
  const detail = step.status === StepStatus.Failed ? step.error?.message ?? '' : step.currentAction ?? seconds(step.durationMs);
  return `  ${ICON[step.status]} [${def.index}] ${def.title.padEnd(28)} ${detail}`;
}

/** One line per event (logs, CI, pipes); on a terminal also a live progress line at the bottom. */
export class HumanOutput implements Output {
  private statusShown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {}

  private get tty(): boolean {
    return Boolean(this.stream.isTTY);
  }

  private write(line: string): void {
    if (this.tty && this.statusShown) this.stream.write('\r\x1b[2K');
    this.stream.write(`${line}\n`);
    this.statusShown = false;
  }

  update(view: RunView, events: RunEvent[]): void {
    for (const event of events) {
      const line = this.describe(view, event);
      if (line) this.write(line);
    }
    if (this.tty && view.run.phase !== RunPhase.Finished) {
      const running = view.steps.find((s) => s.status === StepStatus.Running || s.status === StepStatus.Retrying);
      const eta = view.etaMs ? `  ETA ${Math.ceil(view.etaMs / 1000)} s` : '';
      const current = running ? `  ${stepDefinition(running.stepId).title}: ${running.currentAction ?? ''}` : '';
      this.stream.write(`\r\x1b[2K${bar(view.progress)}${eta}${current}`.slice(0, (this.stream.columns ?? 120) + 10));
      this.statusShown = true;
    }
  }

  private describe(view: RunView, event: RunEvent): string | null {
    const index = 'stepId' in event ? stepDefinition(event.stepId).index : -1;
    switch (event.type) {
      case 'run.started':
        return `POS Provisioner: ${event.shopName} (run ${event.runId.slice(0, 8)})`;
      case 'step.started':
        return `  … [${index}] ${stepDefinition(event.stepId).title}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
      case 'step.retrying':
        return `  ↻ [${index}] ${event.action}`;
      case 'step.succeeded':
      case 'step.skipped':
        return stepLine(view, index);
      case 'step.failed':
        return `${stepLine(view, index)}\n      → ${event.error.hint}${event.error.serverMessage ? `\n      ERPNext: ${event.error.serverMessage}` : ''}`;
      case 'run.waiting_for_network':
        return `  ⚠ Waiting for the site to answer${event.nextProbeAt ? ` (next try ${new Date(event.nextProbeAt).toLocaleTimeString()})` : ''}: ${event.error?.message ?? ''}`;
      case 'run.network_back':
        return '  ✓ The site answers again: resuming';
      case 'run.paused':
        return '  ⏸ Paused: resume with `pos-provisioner continue`';
      case 'run.plan_changed':
        return `  ⚠ Since the preview (${event.previewAt}):\n${event.differences.map((d) => `      - ${d}`).join('\n')}`;
      case 'run.refused':
      case 'run.lock_lost':
        return `  ✗ ${event.message}`;
      case 'run.finished':
        return `${bar(view.progress)}  ${event.status}${event.durationMs !== null ? ` in ${seconds(event.durationMs)}` : ''}`;
      default:
        return null;
    }
  }

  message(text: string): void {
    this.write(text);
  }

  status(view: RunView): void {
    this.write(`POS Provisioner: ${view.shopName} (run ${view.run.id.slice(0, 8)})`);
    view.steps.forEach((_, index) => this.write(stepLine(view, index)));
    this.write(`${bar(view.progress)}  ${view.run.status} (${view.run.phase})`);
    this.result(view);
  }

  result(view: RunView): void {
    if (this.tty && this.statusShown) this.stream.write('\n');
    this.statusShown = false;
    const summary = view.run.summary;
    if (!summary) return;
    const list = (items: string[]) => (items.length > 4 ? `${items.slice(0, 4).join(', ')} and ${items.length - 4} more` : items.join(', ') || 'nothing');
    this.write(`  created ${summary.created.length}: ${list(summary.created)}`);
    this.write(`  adopted ${summary.adopted.length} that already existed, changed ${summary.changed.length}: ${list(summary.changed)}`);
    for (const check of summary.readiness) this.write(`  ${check.ok ? '✓' : '✗'} ${check.check}${check.detail ? `: ${check.detail}` : ''}`);
  }
}

function snapshot(view: RunView, exitCode: number) {
  const steps = view.steps.map((s) => ({ stepId: s.stepId, status: s.status, attempts: s.attempts, durationMs: s.durationMs, error: s.error }));
  return { status: view.run.status, phase: view.run.phase, exitCode, runId: view.run.id, summary: view.run.summary, steps };
}

/** `--json`: one JSON object per line, events as they happen, then a result line. */
export class JsonOutput implements Output {
  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  update(_view: RunView, events: RunEvent[]): void {
    for (const event of events) this.stream.write(`${JSON.stringify(event)}\n`);
  }

  message(text: string): void {
    this.stream.write(`${JSON.stringify({ type: 'message', text })}\n`);
  }

  result(view: RunView, exitCode: number): void {
    this.stream.write(`${JSON.stringify({ type: 'result', ...snapshot(view, exitCode) })}\n`);
  }

  status(view: RunView, exitCode: number): void {
    this.stream.write(`${JSON.stringify({ type: 'status', ...snapshot(view, exitCode) })}\n`);
  }
}
