import type { PlanAction, PlanOutcome } from '../../../shared/plan';
import type { Look } from '../ui/statusLook';

/** Each planned action as words, a colour and an icon (never the colour alone). */
export const PLAN_LOOK: Record<PlanAction, Look> = {
  create: { label: 'Create', tone: 'info', icon: 'pending' },
  adopt: { label: 'Exists', tone: 'success', icon: 'check' },
  change: { label: 'Change', tone: 'warning', icon: 'retry' },
  conflict: { label: 'Conflict', tone: 'danger', icon: 'cross' },
  unknown: { label: 'Named by ERPNext', tone: 'neutral', icon: 'info' },
};

export const OUTCOME_TEXT: Record<PlanOutcome, string> = {
  nothing: 'Nothing to do: the site already has everything this shop needs. Start only checks it again.',
  changes: 'Start will make the changes below. Nothing has been changed yet.',
  conflicts: 'Start would stop before its first change until the conflicts below are fixed in ERPNext or in the shop form.',
};
