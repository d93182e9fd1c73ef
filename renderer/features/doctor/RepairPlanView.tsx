import { useEffect, useRef } from 'react';
import type { RepairPlan } from '../../../shared/doctor';
import { stepDefinition } from '../../../shared/steps/catalog';

const VERB = { create: 'Create', change: 'Change', unknown: 'Create (named by ERPNext)', conflict: 'Cannot:' } as const;

/** What Repair will do, from the steps' own plans, before anything is written; and what it leaves to a person. */
export function RepairPlanView({ plan, busy, onRepair, onCancel }: { plan: RepairPlan; busy: boolean; onRepair: () => void; onCancel: () => void }) {
  const steps = plan.steps.map((id) => stepDefinition(id).title).join(', ');
  // The Repair… button that opened the plan goes away with it: keyboard focus moves to what it opened.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="repair-plan" aria-labelledby="repair-plan-heading" data-testid="repair-plan">
      <h3 id="repair-plan-heading" tabIndex={-1} ref={heading}>
        What Repair will do
      </h3>
      {plan.steps.length === 0 ? (
        <p>Nothing here is for Repair to fix: each finding above says where in ERPNext a person fixes it.</p>
      ) : (
        <>
          <p>It runs these steps again, which re-read the site and fix only what drifted: {steps}.</p>
          <ul data-testid="repair-actions">
            {plan.actions.map((action, index) => (
              <li key={`${action.stepId}-${index}`}>
                <strong>{VERB[action.action]}</strong> {action.what}
                {action.detail ? ` (${action.detail})` : ''}
              </li>
            ))}
            {plan.actions.length === 0 && <li>The steps re-check; as the site reads now, nothing needs writing.</li>}
          </ul>
        </>
      )}
      {plan.manual.length > 0 && (
        <>
          <h4>Left to a person</h4>
          <ul>
            {plan.manual.map((finding, index) => (
              <li key={`${finding.kind}-${index}`}>
                {finding.what}: {finding.fix}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        {plan.steps.length > 0 && (
          <button type="button" className="button-primary" disabled={busy} onClick={onRepair} data-testid="repair-now">
            {busy ? 'Starting the repair…' : 'Repair now'}
          </button>
        )}
        <button type="button" onClick={onCancel} data-testid="repair-cancel">
          {plan.steps.length > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}
