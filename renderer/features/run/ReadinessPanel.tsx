import type { RunView } from '../../../shared/runView';
import { StepId } from '../../../shared/steps/catalog';
import { Icon } from '../ui/Icon';

interface ReadinessCheck {
  check: string;
  ok: boolean;
  detail?: string;
}

/** The post-setup step's read-back checks (its outputs): can the till sell? */
function readinessOf(view: RunView): ReadinessCheck[] {
  const outputs = view.steps.find((step) => step.stepId === StepId.PostSetup)?.outputs;
  const readiness = outputs?.readiness;
  return Array.isArray(readiness) ? readiness.filter((c): c is ReadinessCheck => typeof c?.check === 'string' && typeof c?.ok === 'boolean') : [];
}

export function ReadinessPanel({ view }: { view: RunView }) {
  const checks = readinessOf(view);
  if (checks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="readiness-heading" data-testid="readiness">
      <h2 id="readiness-heading">Till readiness, read back from ERPNext</h2>
      <ul className="readiness">
        {checks.map((check) => (
          <li key={check.check} className={check.ok ? 'tone-success' : 'tone-danger'}>
            <Icon name={check.ok ? 'check' : 'cross'} />
            <span>
              <span className="visually-hidden">{check.ok ? 'Passed: ' : 'Failed: '}</span>
              {check.check}
              {check.detail ? `: ${check.detail}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
