import type { RunSummary } from '../../../shared/model';
import type { RunView } from '../../../shared/runView';
import { StepId } from '../../../shared/steps/catalog';
import { Icon } from '../ui/Icon';

type ReadinessCheck = RunSummary['readiness'][number];

/** The run's summary once it finished; while it runs, the post-setup step's own read-back checks. */
function readinessOf(view: RunView): ReadinessCheck[] {
  if (view.run.summary) return view.run.summary.readiness;
  const readiness = view.steps.find((step) => step.stepId === StepId.PostSetup)?.outputs?.readiness;
  return Array.isArray(readiness) ? readiness.filter((c): c is ReadinessCheck => typeof c?.check === 'string' && typeof c?.ok === 'boolean') : [];
}

function EffectList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details className="effects" data-testid={`effects-${title.toLowerCase()}`}>
      <summary>
        {title}: {items.length}
      </summary>
      <ul>
        {items.map((item, index) => (
          <li key={`${index}-${item}`}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

export function ReadinessPanel({ view }: { view: RunView }) {
  const checks = readinessOf(view);
  const summary = view.run.summary;
  const didSomething = summary && summary.created.length + summary.adopted.length + summary.changed.length > 0;
  if (checks.length === 0 && !didSomething) return null;
  // A run that stopped before the read-back has no readiness to show: only what it did on the site.
  return (
    <section className="panel" aria-labelledby="readiness-heading" data-testid="readiness">
      <h2 id="readiness-heading">{checks.length > 0 ? 'Till readiness, read back from ERPNext' : 'What the run did on the site'}</h2>
      {checks.length > 0 && (
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
      )}
      {didSomething && (
        <>
          {checks.length > 0 && <h3>What the run did on the site</h3>}
          <EffectList title="Created" items={summary.created} />
          <EffectList title="Adopted" items={summary.adopted} />
          <EffectList title="Changed" items={summary.changed} />
        </>
      )}
    </section>
  );
}
