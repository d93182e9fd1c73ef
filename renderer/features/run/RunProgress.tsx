import type { RunView } from '../../../shared/runView';
import { RunPhase, RunStatus } from '../../../shared/status';
import { ProgressBar } from '../ui/ProgressBar';
import { formatDuration, formatEta } from '../ui/format';

/** The weighted progress bar, with the time left learned from earlier runs (hidden when unknown). */
export function RunProgress({ view }: { view: RunView }) {
  const percent = Math.round(view.progress * 100);
  const { status, phase, startedAt, finishedAt } = view.run;
  const going = status === RunStatus.InProgress && phase !== RunPhase.Paused;
  const eta =
    view.etaMs === null || phase === RunPhase.Finished
      ? null
      : status === RunStatus.NotStarted
        ? `A run usually takes ${formatDuration(Math.max(1_000, view.etaMs))} (learned from earlier runs).`
        : going
          ? `${formatEta(view.etaMs)} (learned from earlier runs).`
          : null;
  const took = phase === RunPhase.Finished && startedAt && finishedAt ? `Took ${formatDuration(Date.parse(finishedAt) - Date.parse(startedAt))}.` : null;
  return (
    <section className="run-progress" aria-label="Progress">
      <div className="run-progress-text">
        <span className="percent" data-testid="run-percent">
          {percent}% done
        </span>
        {eta && (
          <span className="muted" data-testid="run-eta">
            {eta}
          </span>
        )}
        {took && <span className="muted">{took}</span>}
      </div>
      <ProgressBar value={view.progress} label="Run progress" testId="run-progress" />
    </section>
  );
}
