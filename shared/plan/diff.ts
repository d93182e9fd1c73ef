import type { PlanAction, StepPlan } from './types';

/** One record whose planned action differs between the preview and the plan at Start. */
export interface PlanDifference {
  doctype: string;
  what: string;
  /** null: the preview did not list the record. */
  was: PlanAction | null;
  /** null: the plan at Start no longer lists it. */
  now: PlanAction | null;
  /** The installer's words: `Customer "Walk-in" now exists (adopt, was create)`. */
  text: string;
}

const NOW_WORDS: Record<PlanAction, string> = {
  create: 'is now to be created',
  adopt: 'now exists',
  change: 'now needs a change',
  conflict: 'is now a conflict',
  unknown: 'is now named by ERPNext when made',
};

const keyOf = (doctype: string, what: string) => `${doctype}|${what}`;

function index(steps: readonly StepPlan[]): Map<string, { doctype: string; what: string; action: PlanAction }> {
  const map = new Map<string, { doctype: string; what: string; action: PlanAction }>();
  for (const step of steps) for (const planned of step.items) map.set(keyOf(planned.doctype, planned.what), planned);
  return map;
}

/**
 * What changed on the site between a preview and the Start that followed it: records are matched by
 * doctype and description (a generated name is unknown in both), and only a change of action counts —
 * a reason worded again is the same plan.
 */
export function planDifferences(preview: readonly StepPlan[], atStart: readonly StepPlan[]): PlanDifference[] {
  const before = index(preview);
  const after = index(atStart);
  const found: PlanDifference[] = [];
  for (const [key, now] of after) {
    const was = before.get(key)?.action ?? null;
    if (was === now.action) continue;
    found.push({ doctype: now.doctype, what: now.what, was, now: now.action, text: `${now.what} ${NOW_WORDS[now.action]} (${now.action}, was ${was ?? 'not in the preview'})` });
  }
  for (const [key, then] of before) {
    if (after.has(key)) continue;
    found.push({ doctype: then.doctype, what: then.what, was: then.action, now: null, text: `${then.what} is no longer in the plan (was ${then.action})` });
  }
  return found;
}
