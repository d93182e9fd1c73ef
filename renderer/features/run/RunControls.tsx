import { type RefObject, useEffect, useRef } from 'react';
import type { RunView } from '../../../shared/runView';
import { RunPhase } from '../../../shared/status';
import { type RunCommand, useRuns } from '../../state/runs';
import { ErrorNotice } from '../ui/ErrorNotice';
import { nextMove, runActions } from './runActions';

type Control = 'start' | 'continue' | 'retryAll' | 'pause';

const LABELS: Record<Control, { idle: string; busy: string }> = {
  start: { idle: 'Start', busy: 'Starting…' },
  continue: { idle: 'Continue', busy: 'Continuing…' },
  retryAll: { idle: 'Retry all', busy: 'Retrying…' },
  pause: { idle: 'Pause', busy: 'Pausing…' },
};

/** What each button does, where that is not obvious (read with the button: aria-describedby). */
function helpFor(control: Control, view: RunView): string | null {
  const finished = view.run.phase === RunPhase.Finished;
  if (control === 'start' && finished) return 'Start a new run checks every step again against the site: what exists is kept, nothing is created twice. This run stays in the log.';
  if (control === 'continue' && finished) return 'Continue runs only the steps that failed or have not run, in this run.';
  if (control === 'retryAll') return 'Retry all runs every step of this run again, checking what exists; Continue resumes only what is left.';
  return null;
}

/**
 * Keeps keyboard focus in the controls: a pressed button is disabled while its command runs (and may
 * stay so), which would drop focus to the page. It goes to the sentence saying what happens next.
 */
function useFocusKept(section: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>, changes: unknown[]): void {
  const hadFocus = useRef(false);
  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const focusIn = () => (hadFocus.current = true);
    const focusOut = (event: FocusEvent) => {
      if (event.relatedTarget && !element.contains(event.relatedTarget as Node)) hadFocus.current = false;
    };
    element.addEventListener('focusin', focusIn);
    element.addEventListener('focusout', focusOut);
    return () => {
      element.removeEventListener('focusin', focusIn);
      element.removeEventListener('focusout', focusOut);
    };
  }, [section]);
  useEffect(() => {
    const active = document.activeElement as HTMLButtonElement | null;
    const dropped = !active || active === document.body || (section.current?.contains(active) && active.disabled);
    if (hadFocus.current && dropped) fallback.current?.focus();
    // The caller's state changes are what may disable the focused button.
  }, changes);
}

/** Start, Continue, Retry all and Pause, each enabled only when the run's state allows it. */
export function RunControls({ view }: { view: RunView }) {
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => state.pending[view.shopId]);
  const actionError = useRuns((state) => state.actionErrors[view.shopId]);
  const dismiss = useRuns((state) => state.dismissError);
  const section = useRef<HTMLElement>(null);
  const move = useRef<HTMLParagraphElement>(null);
  useFocusKept(section, move, [pending, view.run.phase, view.run.status]);
  const actions = runActions(view);
  const shown: Control[] = (['start', 'continue', 'retryAll', 'pause'] as const).filter((control) => control !== 'retryAll' || view.run.phase !== RunPhase.Finished);
  const helps = shown.flatMap((control) => {
    const text = actions[control] ? helpFor(control, view) : null;
    return text ? [{ control, text }] : [];
  });
  const button = (type: Control) => (
    <button
      key={type}
      type="button"
      className={actions.primary === type ? 'button-primary button-big' : type === 'pause' ? 'button-danger-quiet' : ''}
      disabled={!actions[type] || Boolean(pending)}
      onClick={() => void send(view.shopId, { type } as RunCommand)}
      aria-describedby={helps.some((help) => help.control === type) ? `run-help-${type}` : undefined}
      data-testid={`run-${type}`}
    >
      {pending === type ? LABELS[type].busy : type === 'start' && view.run.phase === RunPhase.Finished ? 'Start a new run' : LABELS[type].idle}
    </button>
  );
  return (
    <section className="run-controls" aria-label="Run controls" ref={section}>
      <p className="next-move" data-testid="next-move" tabIndex={-1} ref={move}>
        {nextMove(view)}
      </p>
      <div className="button-row">{shown.map(button)}</div>
      {helps.length > 0 && (
        <ul className="run-help">
          {helps.map(({ control, text }) => (
            <li key={control} id={`run-help-${control}`}>
              {text}
            </li>
          ))}
        </ul>
      )}
      {actionError && <ErrorNotice problem={actionError} title="That did not happen" onDismiss={() => dismiss(view.shopId)} testId="action-error" />}
    </section>
  );
}
