import { useEffect } from 'react';
import { api } from '../../api';
import { ShopHeader } from '../run/ShopHeader';
import { useShopScreen } from '../run/useShopScreen';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDuration, formatTime } from '../ui/format';
import { runLook } from '../ui/statusLook';
import { RunPhase } from '../../../shared/status';
import { HandoverButton } from '../handover/HandoverButton';
import { TimelineChart } from './TimelineChart';
import { TimelineTable } from './TimelineTable';
import { useHistory } from './historyStore';
import './history.css';

/** Redraws the timeline of a run that is still going as its updates arrive (twice a second at most). */
function useLiveTimeline(shopId: string, runId: string): void {
  const load = useHistory((state) => state.loadTimeline);
  useEffect(() => {
    void load(runId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = api.onRunUpdate(({ view }) => {
      if (view.shopId !== shopId || view.run.id !== runId) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        void load(runId);
      }, 500);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [load, shopId, runId]);
}

/** One run as pictures: its steps on a time axis, and the same as a table. */
export function TimelineScreen({ siteId, shopId, runId }: { siteId: string; shopId: string; runId: string }) {
  useShopScreen(siteId, shopId);
  useLiveTimeline(shopId, runId);
  const timeline = useHistory((state) => state.timelines[runId]);
  const error = useHistory((state) => state.errors[runId]);
  const startedBy = timeline?.sessions[0];
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="history" />
      {error && <ErrorNotice problem={error} title="The run could not be read" />}
      {!timeline && !error && <p>Loading the run…</p>}
      {timeline && (
        <section className="timeline" aria-labelledby="timeline-heading" data-testid="timeline" data-status={timeline.status.toLowerCase()}>
          <div className="timeline-title">
            <h2 id="timeline-heading">Run of {timeline.startedAt ? formatTime(timeline.startedAt) : 'an unknown time'}</h2>
            <StatusBadge look={runLook(timeline)} state={timeline.status.toLowerCase()} />
          </div>
          <dl className="facts">
            <dt>Took</dt>
            <dd>{formatDuration(timeline.spanMs)}</dd>
            <dt>Started by</dt>
            <dd>{startedBy ? `${startedBy.osUser} on ${startedBy.host}` : 'not recorded'}</dd>
            {timeline.sessions.length > 1 && (
              <>
                <dt>Then</dt>
                <dd>{timeline.sessions.slice(1).map((s) => `${s.command} by ${s.osUser} on ${s.host} at ${formatTime(s.startedAt)}`).join('; ')}</dd>
              </>
            )}
          </dl>
          {timeline.phase === RunPhase.Finished && <HandoverButton shopId={shopId} runId={runId} />}
          <ul className="timeline-legend" aria-label="Legend">
            <li><span className="swatch tl-succeeded" aria-hidden="true" /> step attempt that succeeded</li>
            <li><span className="swatch tl-failed" aria-hidden="true" /> attempt that failed (hatched)</li>
            <li><span className="swatch tl-running" aria-hidden="true" /> running now</li>
            <li><span className="legend-mark" aria-hidden="true">↻</span> a request the client retried</li>
            <li><span className="swatch tl-slowest-swatch" aria-hidden="true" /> the step's slowest request</li>
            <li><span className="swatch tl-wait" aria-hidden="true" /> waiting for the network</li>
          </ul>
          <p className="muted">Choose a bar to see that step's log entries.</p>
          <div className="timeline-scroll">
            <TimelineChart timeline={timeline} siteId={siteId} />
          </div>
          <TimelineTable timeline={timeline} siteId={siteId} />
        </section>
      )}
    </>
  );
}
