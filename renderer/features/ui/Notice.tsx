import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import type { Tone } from './statusLook';

const ICON: Record<Tone, IconName> = { neutral: 'info', info: 'info', success: 'check', warning: 'warning', danger: 'warning' };

/** A calm message in a box (role="status": announced politely when it appears). */
export function Notice({ tone = 'info', children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice tone-${tone}`} role="status" data-testid={testId}>
      <Icon name={ICON[tone]} />
      <div className="notice-body">{children}</div>
    </div>
  );
}
