import { Icon } from './Icon';
import type { Look } from './statusLook';

/** A state as text + colour + icon. `state` is the machine value tests and styles read. */
export function StatusBadge({ look, state, testId }: { look: Look; state: string; testId?: string }) {
  return (
    <span className={`badge tone-${look.tone}`} data-state={state} data-testid={testId}>
      <Icon name={look.icon} />
      <span>{look.label}</span>
    </span>
  );
}
