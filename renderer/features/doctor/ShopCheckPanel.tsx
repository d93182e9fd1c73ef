import { useEffect } from 'react';
import { HEALTH_LABEL, Health } from '../../../shared/doctor';
import type { RunView } from '../../../shared/runView';
import { RunPhase, RunStatus } from '../../../shared/status';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { FindingList } from './FindingList';
import { RepairPlanView } from './RepairPlanView';
import { shopDoctor, useDoctor } from './doctorStore';
import './doctor.css';

const TONE = { [Health.Healthy]: 'success', [Health.Degraded]: 'warning', [Health.CannotSell]: 'danger' } as const;

/** Only a shop a run set up can drift from it; a run going now is not checked under its feet. */
export function canCheck(view: RunView): boolean {
  return view.run.phase === RunPhase.Finished && (view.run.status === RunStatus.Completed || view.run.status === RunStatus.Partial);
}

/** Check shop (the doctor), its findings, and Repair with its plan shown first. */
export function ShopCheckPanel({ view }: { view: RunView }) {
  const shopId = view.shopId;
  const doctor = useDoctor((state) => shopDoctor(state, shopId));
  const { check, planRepair, repair, dismissPlan, afterRepair } = useDoctor.getState();
  const repairDone = doctor.repairRunId === view.run.id && view.run.phase === RunPhase.Finished;
  useEffect(() => {
    if (repairDone) void afterRepair(shopId);
  }, [repairDone, afterRepair, shopId]);
  const repairing = doctor.repairRunId !== null;
  if (!canCheck(view) && !repairing) return null;
  const report = doctor.report;
  const fixable = report?.findings.filter((f) => f.repairStep).length ?? 0;
  return (
    <section className="panel shop-check" aria-labelledby="shop-check-heading" data-testid="shop-check">
      <h2 id="shop-check-heading">Shop check</h2>
      <p className="muted">Reads everything the till needs from ERPNext and says what is no longer as the run left it. It changes nothing.</p>
      <div className="button-row">
        <button type="button" onClick={() => void check(shopId)} disabled={doctor.busy !== null || repairing} data-testid="check-shop">
          {doctor.busy === 'checking' ? 'Checking…' : 'Check shop'}
        </button>
        {fixable > 0 && !doctor.plan && (
          <button type="button" className="button-primary" onClick={() => void planRepair(shopId)} disabled={doctor.busy !== null || repairing} data-testid="repair">
            {doctor.busy === 'planning' ? 'Reading what Repair would do…' : 'Repair…'}
          </button>
        )}
      </div>
      {doctor.error && <ErrorNotice problem={doctor.error} title="The shop could not be checked" testId="shop-check-error" />}
      {repairing && <Notice testId="repair-going">Repair is running (see the steps above); the shop is checked again when it finishes.</Notice>}
      {report && !repairing && (
        <div data-testid="shop-health" data-health={report.health}>
          <Notice tone={TONE[report.health]}>
            <p className="notice-title">{HEALTH_LABEL[report.health]}</p>
            <p>{report.findings.length === 0 ? 'Everything the till needs is still in place.' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}, worst first.`} Checked {new Date(report.checkedAt).toLocaleString()}.</p>
          </Notice>
          {report.findings.length > 0 && <FindingList findings={report.findings} />}
        </div>
      )}
      {doctor.plan && !repairing && <RepairPlanView plan={doctor.plan} busy={doctor.busy === 'starting'} onRepair={() => void repair(shopId)} onCancel={() => dismissPlan(shopId)} />}
    </section>
  );
}
