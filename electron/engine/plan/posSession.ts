import type { OpeningFacts } from '../reads/facts';
import { cashiersOf, profileName, sameName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface SessionState {
  profile: string;
  cashier: string;
  /** The cashier's open entry (the oldest), as the POS page looks for it. */
  open: OpeningFacts | null;
  /** Later open entries this API user made (a late-saved create of ours): cancelled. */
  duplicates: OpeningFacts[];
  /** Later open entries someone else made: left alone. */
  foreign: OpeningFacts[];
  /** Drafts left by an interrupted run. */
  drafts: OpeningFacts[];
}

/** The state of the cashier's sessions from one read; split by what the step does with each. */
export function sortSessions(entries: readonly OpeningFacts[], profile: string, cashier: string, apiUser: string): SessionState {
  const opened = entries.filter((e) => e.docstatus === 1 && e.status === 'Open');
  const [open = null, ...extras] = opened;
  return { profile, cashier, open, duplicates: extras.filter((e) => sameName(e.owner, apiUser)), foreign: extras.filter((e) => !sameName(e.owner, apiUser)), drafts: entries.filter((e) => e.docstatus === 0) };
}

/**
 * Step 9: one open POS session for the cashier. ERPNext 15 accepts duplicate open entries (§4.10), so the
 * plan looks for the open one (and drafts) first; a new entry is named by ERPNext's series.
 */
export async function planPosSession(p: PlanContext): Promise<Planned<SessionState>> {
  const profile = profileName(p.shop);
  const cashier = cashiersOf(p.shop, p.apiUser)[0]!;
  const what = `POS Opening Entry for ${cashier} on ${profile}`;
  const exists = Boolean(await p.reads.profile(profile));
  const state = sortSessions(exists ? await p.reads.openings(profile, cashier) : [], profile, cashier, p.apiUser);
  const items: PlanItem[] = [];
  if (state.open) items.push(item('adopt', 'POS Opening Entry', state.open.name, what));
  else if (state.drafts.length) items.push(item('change', 'POS Opening Entry', state.drafts[0]!.name, what, { reason: 'a draft left by an interrupted run: submitted when its payment modes match, else removed' }));
  else items.push(item('create', 'POS Opening Entry', null, what, { reason: 'named by ERPNext (POS-OPE-.YYYY.-.#####), submitted in the same request' }));
  for (const extra of state.duplicates) items.push(item('change', 'POS Opening Entry', extra.name, `Duplicate POS Opening Entry ${extra.name}`, { changes: [{ field: 'docstatus', from: 1, to: 2 }], reason: 'a second open session a late-saved create of ours made: cancelled' }));
  return { items, state };
}
