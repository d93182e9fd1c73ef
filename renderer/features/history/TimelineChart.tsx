import type { RunTimeline, TimelineAttempt, TimelineStep } from '../../../shared/history';
import { hrefFor } from '../../state/navigation';
import { formatDuration } from '../ui/format';
import { niceTicks, tickLabel } from './axis';

const WIDTH = 960;
const LABELS = 190;
const RIGHT = 24;
const TOP = 28;
const ROW = 30;
const BAR = 16;

const STATUS_WORD: Record<TimelineAttempt['status'], string> = { succeeded: 'succeeded', failed: 'failed', running: 'running' };

function attemptLabel(step: TimelineStep, attempt: TimelineAttempt): string {
  const took = formatDuration(attempt.endMs - attempt.startMs);
  const why = attempt.errorMessage ? `: ${attempt.errorMessage}` : '';
  const slowest = step.slowest ? ` Slowest request ${step.slowest.request}, ${formatDuration(step.slowest.durationMs)}.` : '';
  const retries = step.retries.length ? ` ${step.retries.length} request${step.retries.length > 1 ? 's' : ''} retried by the client.` : '';
  return `${step.title}, attempt ${attempt.attempt}, ${STATUS_WORD[attempt.status]} after ${took}${why}.${slowest}${retries} Show its log entries.`;
}

/**
 * One run on a time axis: a row per step, a bar per attempt (overlapping bars ran side by side), ↻ where
 * the client retried a request, a dark tick under the bar for the step's slowest request, and grey bands
 * while the site did not answer. Each bar links to the log viewer filtered to its step.
 */
export function TimelineChart({ timeline, siteId }: { timeline: RunTimeline; siteId: string }) {
  const span = Math.max(timeline.spanMs, 1);
  const x = (ms: number) => LABELS + (Math.min(Math.max(ms, 0), span) / span) * (WIDTH - LABELS - RIGHT);
  const height = TOP + timeline.steps.length * ROW + 8;
  const logs = (stepId: TimelineStep['stepId']) => hrefFor({ name: 'logs', siteId, shopId: timeline.shopId, stepId });
  return (
    <svg className="timeline-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-labelledby="timeline-chart-title" data-testid="timeline-chart">
      <title id="timeline-chart-title">Timeline of the run: each step's attempts on a time axis of {tickLabel(Math.round(span))}</title>
      <defs>
        <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="tl-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
        </pattern>
      </defs>
      {niceTicks(span).map((tick) => (
        <g key={tick} className="tl-tick" aria-hidden="true">
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} />
          <text x={x(tick)} y={TOP - 10} textAnchor="middle">
            {tickLabel(tick)}
          </text>
        </g>
      ))}
      {timeline.networkWaits.map((wait) => (
        <rect key={wait.startMs} className="tl-wait" x={x(wait.startMs)} y={TOP - 4} width={Math.max(2, x(wait.endMs) - x(wait.startMs))} height={height - TOP - 4} data-testid="timeline-wait">
          <title>Waiting for the network for {formatDuration(wait.endMs - wait.startMs)}</title>
        </rect>
      ))}
      {timeline.steps.map((step, row) => {
        const y = TOP + row * ROW;
        return (
          <g key={step.stepId} data-testid={`timeline-row-${step.stepId}`}>
            <text className="tl-label" x={LABELS - 10} y={y + ROW / 2 + 4} textAnchor="end" aria-hidden="true">
              {step.title}
            </text>
            {step.attempts.map((attempt) => (
              <a key={attempt.attempt} href={logs(step.stepId)} aria-label={attemptLabel(step, attempt)} data-testid="timeline-bar" data-step={step.stepId} data-status={attempt.status}>
                <rect className={`tl-bar tl-${attempt.status}`} x={x(attempt.startMs)} y={y + (ROW - BAR) / 2} width={Math.max(3, x(attempt.endMs) - x(attempt.startMs))} height={BAR} rx="3" />
              </a>
            ))}
            {step.slowest && (
              <line className="tl-slowest" x1={x(step.slowest.atMs - step.slowest.durationMs)} x2={Math.max(x(step.slowest.atMs), x(step.slowest.atMs - step.slowest.durationMs) + 2)} y1={y + ROW - 4} y2={y + ROW - 4} aria-hidden="true">
                <title>
                  Slowest request: {step.slowest.request}, {formatDuration(step.slowest.durationMs)}
                </title>
              </line>
            )}
            {step.retries.map((retry, index) => (
              <text key={`${retry.atMs}-${index}`} className="tl-retry" x={x(retry.atMs)} y={y + 9} textAnchor="middle" aria-hidden="true" data-testid="timeline-retry">
                ↻<title>
                  {retry.request} retried in {formatDuration(retry.delayMs)} ({retry.code})
                </title>
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
