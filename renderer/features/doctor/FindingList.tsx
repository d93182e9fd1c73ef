import { type Finding, SEVERITY_LABEL, Severity } from '../../../shared/doctor';
import { Icon, type IconName } from '../ui/Icon';
import type { Tone } from '../ui/statusLook';

const LOOK: Record<Severity, { tone: Tone; icon: IconName }> = {
  [Severity.BlocksSelling]: { tone: 'danger', icon: 'cross' },
  [Severity.Degrades]: { tone: 'warning', icon: 'warning' },
  [Severity.Info]: { tone: 'info', icon: 'info' },
};

/** Each finding: its severity in words (the colour only repeats it), what we saw, and the fix. */
export function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((finding, index) => (
        <li key={`${finding.kind}-${index}`} className="finding" data-testid="finding" data-kind={finding.kind} data-severity={finding.severity}>
          <p className="finding-head">
            <span className={`badge tone-${LOOK[finding.severity].tone}`}>
              <Icon name={LOOK[finding.severity].icon} />
              <span>{SEVERITY_LABEL[finding.severity]}</span>
            </span>{' '}
            <strong>{finding.what}</strong>
          </p>
          <dl className="finding-detail">
            <dt>What we saw</dt>
            <dd>{finding.saw}</dd>
            <dt>{finding.repairStep ? 'Fix (Repair does this)' : 'Fix (in ERPNext, by a person)'}</dt>
            <dd>{finding.fix}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
