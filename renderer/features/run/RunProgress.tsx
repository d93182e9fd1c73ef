import type { RunView } from '../../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';
import { ProgressBar } from '../ui/ProgressBar';
import { formatDuration, formatEta } from '../ui/format';
import { workingTimeMs } from './runTimes';

const LEARNED = '(learned from earlier runs)';

/** The estimate as it stands: moving, paused (the site is away, or the run is paused), or none. */
function estimate(view: RunView): { text: string; paused: boolean } | null {
  const { status, phase } = view.run;
  if (view.etaMs === null || phase === RunPhase.Finished) return null;
  const left = formatDuration(Math.max(1_000, view.etaMs));
  if (status === RunStatus.NotStarted) return { text: `A run usually takes ${left} ${LEARNED}.`, paused: false };
  if (phase === RunPhase.WaitingForNetwork) return { text: `Time left paused while the site does not answer (about ${left} of work left).`, paused: true };
  if (phase === RunPhase.Paused) return { text: `Time left paused with the run (about ${left} of work left).`, paused: true };
  return { text: `${formatEta(view.etaMs)} ${LEARNED}.`, paused: false };
}

/** How long the run took: its working time, and the time from start to finish when pauses made that much longer. */
function took(view: RunView): string | null {
  const { phase, startedAt, finishedAt } = view.run;
  if (phase !== RunPhase.Finished || !startedAt || !finishedAt) return null;
  const wall = Date.parse(finishedAt) - Date.parse(startedAt);
  const work = workingTimeMs(view.steps);
  if (work <= 0 || wall - work < Math.max(2_000, wall * 0.2)) return `Took ${formatDuration(wall)}.`;
  return `Took ${formatDuration(work)} of work (${formatDuration(wall)} from start to finish, including pauses).`;
}

/** What the run is doing this moment: the active steps and their current action. */
function now(view: RunView): string | null {
  if (view.run.phase === RunPhase.WaitingForNetwork) return 'Now: waiting for the site to answer.';
  if (view.run.phase !== RunPhase.Running) return null;
  const active = view.steps.filter((step) => step.status === StepStatus.Running || step.status === StepStatus.Retrying);
  if (active.length === 0) return null;
  const parts = active.map((step) => {
    const { index, title } = stepDefinition(step.stepId);
    return `${index + 1}. ${title}${step.currentAction ? ` — ${step.currentAction}` : ''}`;
  });
  return `Now: ${parts.join('; ')}`;
}

/**
 * The weighted progress bar, the time left learned from earlier runs (hidden when unknown) and a "now"
 * line. It stays at the top of the window while the steps scroll under it.
 */
export function RunProgress({ view }: { view: RunView }) {
  const percent = Math.round(view.progress * 100);
  const eta = estimate(view);
  const tookText = took(view);
  const nowText = now(view);
  return (
    <section className="run-progress" aria-label="Progress">
      <div className="run-progress-text">
        <span className="percent" data-testid="run-percent">
          {percent}% done
        </span>
        {eta && (
          <span className="muted" data-testid="run-eta" data-paused={eta.paused}>
            {eta.text}
          </span>
        )}
        {tookText && (
          <span className="muted" data-testid="run-took">
            {tookText}
          </span>
        )}
      </div>
      <ProgressBar value={view.progress} label="Run progress" testId="run-progress" />
      {nowText && (
        <p className="run-now" data-testid="run-now">
          {nowText}
        </p>
      )}
    </section>
  );
}
