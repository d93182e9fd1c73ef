import { type PlanItem, type StepPlan, shownValue } from '../../../shared/plan';
import { stepDefinition } from '../../../shared/steps/catalog';
import { StatusBadge } from '../ui/StatusBadge';
import { PLAN_LOOK } from './planLook';

function PlanRow({ planned }: { planned: PlanItem }) {
  return (
    <li className={`plan-item plan-${planned.action}`} data-testid="plan-item" data-action={planned.action}>
      <StatusBadge look={PLAN_LOOK[planned.action]} state={planned.action} />
      <div className="plan-what">
        <span className="plan-record">{planned.what}</span>
        {planned.changes && planned.changes.length > 0 && (
          <ul className="plan-changes" aria-label="Fields that change">
            {planned.changes.map((change) => (
              <li key={`${change.field}-${String(change.to)}`} data-testid="plan-change">
                <code>{change.field}</code>: {shownValue(change.from)} → {shownValue(change.to)}
              </li>
            ))}
          </ul>
        )}
        {planned.reason && planned.action !== 'adopt' && <p className={planned.action === 'conflict' ? 'plan-reason plan-conflict-reason' : 'plan-reason muted'}>{planned.reason}</p>}
        {planned.action === 'conflict' && planned.hint && (
          <p className="plan-hint">
            <strong>What to do:</strong> {planned.hint}
          </p>
        )}
      </div>
    </li>
  );
}

/** The plan per step, per record: what a Start would create, keep, change, or stop on. */
export function PlanStepList({ steps }: { steps: StepPlan[] }) {
  return (
    <ol className="plan-steps">
      {steps.map((step) => {
        const def = stepDefinition(step.stepId);
        return (
          <li key={step.stepId} className="plan-step" data-testid={`plan-step-${step.stepId}`}>
            <h3>
              <span className="step-index">{def.index}</span> {def.title}
            </h3>
            {step.items.length === 0 ? (
              <p className="muted">Nothing to do{def.index === 0 ? ': the API user has every role the run needs.' : '.'}</p>
            ) : (
              <ul className="plan-items">
                {step.items.map((planned, i) => (
                  <PlanRow key={`${planned.doctype}-${planned.what}-${i}`} planned={planned} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
